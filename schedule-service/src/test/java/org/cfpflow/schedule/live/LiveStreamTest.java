package org.cfpflow.schedule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.schedule.ScheduleServiceTest;
import org.cfpflow.testsupport.EventStream;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LiveStreamTest extends ScheduleServiceTest {

    @Autowired
    LiveTimetable liveTimetable;

    @Test
    void openStreamsEndWhenTheServiceStopsSoThatItsShutdownNeedNotWaitForThem() throws Exception {
        conference("UTC");
        List<String> live = listen(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> live.contains("event:ready"));
        try {
            liveTimetable.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> live.contains(EventStream.ENDED));
        }
        finally {
            liveTimetable.start();
        }
    }

    /** Reads an SSE stream line by line in the background, like a browser's EventSource. */
    private List<String> listen(String lastEventId) {
        EventStream stream = EventStream.open("http://127.0.0.1:" + port + "/api/conferences/" + conferenceId + "/timetable/stream", lastEventId);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        return stream.lines();
    }

    @Test
    void aDecisionShowsUpOnTheStreamAndAReconnectingClientResumesWhereItLeftOff() throws Exception {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-a", "2017-09-20T09:00", "2017-09-20T12:00"))), 200);
        List<String> live = listen(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> live.contains("event:ready"));
        String readyId = live.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3);

        String first = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, first, talk("Streamed <b>live</b>", 30, "s@example.org"), null, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> live.stream().anyMatch(l -> l.contains(first)));
        int event = live.indexOf("event:TalkScheduled");
        assertThat(event).isPositive();
        String firstChangeId = live.get(event - 1).substring(3);
        assertThat(Long.parseLong(firstChangeId)).isGreaterThan(Long.parseLong(readyId));

        String second = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, second, talk("Missed while away", 30, "m@example.org"), null, Instant.now()));
        schedule(second, 1);
        List<String> resumed = listen(firstChangeId);
        await().atMost(Duration.ofSeconds(10)).until(() -> resumed.stream().anyMatch(l -> l.contains(second)));
        assertThat(resumed.stream().filter(l -> l.contains(first))).isEmpty();

        // an id the log does not cover (here: one from the future, as after the store was reset) gets a snapshot
        List<String> unknown = listen("999999999");
        await().atMost(Duration.ofSeconds(10)).until(() -> unknown.contains("event:ready"));

        assertStatus(anonymous.get("/api/conferences/" + conferenceId + "/timetable/stream", "Last-Event-ID", "yesterday"), 400);
    }

    @Test
    void theLivePageIsServedAndDrawsWithoutInnerHtml() {
        conference("UTC");
        TestHttp.Response page = anonymous.get("/" + conferenceId + "/schedule");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/live/schedule.js", "id=\"waitlist\"", "id=\"scheduled\"");
        TestHttp.Response script = anonymous.get("/live/schedule.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("EventSource", "textContent").doesNotContain("innerHTML");
    }

    @Test
    void reportsHealthyWithKafkaAndMongo() {
        assertThat(anonymous.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
    }
}
