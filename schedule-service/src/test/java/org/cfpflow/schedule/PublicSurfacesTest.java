package org.cfpflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.Talk;
import org.cfpflow.testsupport.EventStream;
import org.junit.jupiter.api.Test;

/** Speakers appear on every public surface by name only: no e-mail address, no edit token, anywhere. */
class PublicSurfacesTest extends ScheduleServiceTest {

    @Test
    void noPublicSurfaceShowsASpeakersAddressOrToken() {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-room", "2017-09-21T09:00", "2017-09-21T12:00"))), 200);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "speaker-" + unique + "@private.example.org";
        String token = "token-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Public talk " + unique, 30, email);
        long before = anonymous.get("/api/conferences/" + conferenceId + "/timetable").json().path("version").asLong();
        publish(new ProposalSubmitted(conferenceId, id, talk, null, "http://cfp.test/proposals/" + id, token, Instant.now()));
        publish(new ProposalAccepted(conferenceId, id, talk, null, Instant.now()));
        schedule(id, 1);

        try (EventStream resumed = EventStream.open(url("/api/conferences/" + conferenceId + "/timetable/stream"), Long.toString(before));
             EventStream fromZero = EventStream.open(url("/api/conferences/" + conferenceId + "/timetable/stream"), "0")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", resumed.lines()).contains(id));
            await().atMost(Duration.ofSeconds(10)).until(() -> fromZero.lines().stream().anyMatch(l -> l.startsWith("data:")));
            assertThat(String.join("\n", resumed.lines())).contains("Public talk " + unique, "speaker-" + unique)
                    .doesNotContain(email, "private.example.org", token);
            assertThat(String.join("\n", fromZero.lines())).doesNotContain(email, "private.example.org", token);
        }
        for (String path : List.of("/api/conferences/" + conferenceId + "/timetable", "/" + conferenceId + "/schedule.xml", "/" + conferenceId + "/schedule.json", "/" + conferenceId + "/schedule.ics")) {
            String body = anonymous.get(path).body();
            assertThat(body).as(path).contains("Public talk " + unique).doesNotContain(email, "private.example.org", token);
        }
        for (String path : List.of("/" + conferenceId + "/schedule", "/v3/api-docs", "/api/conferences/" + conferenceId + "/timetable/talks/" + id)) {
            assertThat(anonymous.get(path).body()).as(path).doesNotContain(email, "private.example.org", token);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
