package org.cfpflow.submission.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cfpflow.events.Topics;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

class ConferenceApiTest extends SubmissionServiceTest {

    @Test
    void anAdminCreatesAConferenceItsOrganizersChangeItAnyoneReadsItAndEachChangeIsAnnouncedOnce() {
        String conferenceId = newConferenceId();
        String path = "/api/conferences/" + conferenceId;
        Instant opens = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> definition = conference(opens, opens.plus(60, ChronoUnit.DAYS));
        definition.put("title", "Linux Plumbers Conference " + conferenceId);

        assertThat(anonymous.putJson(path, definition).status()).isEqualTo(401);
        assertThat(organizer.putJson(path, definition).status()).as("only an admin creates").isEqualTo(403);
        assertThat(anonymous.get(path).status()).isEqualTo(404);
        TestHttp.Response created = admin.putJson(path, definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(path);
        assertThat(created.json().path("id").asString()).isEqualTo(conferenceId);
        assertThat(created.json().path("team").get(0).path("email").asString()).isEqualTo(ORGANIZER);

        TestHttp.Response read = anonymous.get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("title").asString()).isEqualTo(definition.get("title"));
        assertThat(read.json().path("blindReview").asBoolean()).isTrue();
        assertThat(read.json().has("team")).as("the team is not public").isFalse();
        assertThat(read.json().path("tracks").get(0).path("leads").get(0).path("name").asString())
                .isEqualTo("Stéphane Graber");

        // its organizer changes it; someone outside its team may not; the same definition again announces nothing
        definition.put("title", "Linux Plumbers Conference " + conferenceId + " (changed)");
        assertThat(TestHttp.localhost(port).as("reviewer@example.org", "reviewer-secret").putJson(path, definition)
                .status()).isEqualTo(403);
        assertThat(organizer.putJson(path, definition).status()).isEqualTo(200);
        assertThat(organizer.putJson(path, definition).status()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> announced = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.readAll(Topics.CONFERENCE).stream()
                        .filter(r -> conferenceId.equals(r.key())).toList(), records -> records.size() >= 2);
        assertThat(announced).hasSize(2);
        assertThat(KafkaProbe.value(announced.get(1))).contains("(changed)", "\"team\"", ORGANIZER);
        assertThat(KafkaProbe.header(announced.get(0), "ce_type")).isEqualTo("ConferenceDefined");
        assertThat(KafkaProbe.header(announced.get(0), "ce_source")).isEqualTo("/submission-service");
        assertThat(KafkaProbe.header(announced.get(0), "ce_subject")).isEqualTo(conferenceId);
    }

    @Test
    void theListShowsOpenCallsFirstThenUpcomingThenClosedWithoutTheirTeams() {
        Instant now = Instant.now();
        String closed = newConferenceId();
        String open = newConferenceId();
        String upcoming = newConferenceId();
        assertThat(admin.putJson("/api/conferences/" + closed, conference(now.minus(30, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS))).status()).isEqualTo(201);
        assertThat(admin.putJson("/api/conferences/" + upcoming, conference(now.plus(1, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS))).status()).isEqualTo(201);
        assertThat(admin.putJson("/api/conferences/" + open, conference(now.minus(1, ChronoUnit.DAYS),
                now.plus(3650, ChronoUnit.DAYS))).status()).isEqualTo(201);

        TestHttp.Response list = anonymous.get("/api/conferences?size=200");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(ORGANIZER, "stephane.graber@example.org");
        List<String> ids = list.json().path("content").findValuesAsString("id");
        assertThat(ids).containsSubsequence(open, upcoming, closed);
        assertThat(list.json().path("content").get(ids.indexOf(open)).path("callOpen").asBoolean()).isTrue();
        assertThat(list.json().path("content").get(ids.indexOf(closed)).path("callOpen").asBoolean()).isFalse();
        assertThat(list.json().path("page").path("totalElements").asLong()).isEqualTo(ids.size());
    }

    @Test
    void anInvalidDefinitionIsRefusedFieldByFieldAndChangesNothing() {
        openCall();
        String before = anonymous.get("/api/conferences/lpc2017").body();
        Instant now = Instant.now();
        Map<String, Object> definition = conference(now, now.minus(1, ChronoUnit.DAYS));
        definition.put("timezone", "Mars/Olympus_Mons");
        definition.put("tracks", List.of(Map.of("slug", "containers", "name", "A", "durations", List.of(7)),
                Map.of("slug", "containers", "name", "B", "durations", List.of(15))));
        definition.put("team", List.of(Map.of("email", ORGANIZER, "roles", List.of("ORGANIZER")),
                Map.of("email", "Organizer@example.org", "roles", List.of("CHAIR"), "tracks", List.of("nowhere")),
                Map.of("email", "not an address", "roles", List.of())));
        definition.put("confirmation", Map.of("remindAfter", "PT30M"));

        TestHttp.Response refused = organizer.putJson("/api/conferences/lpc2017", definition);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsString("field")).contains("timezone",
                "callCloses", "tracks[0].durations[0]", "tracks[1].slug", "team[1].email", "team[1].roles[0]",
                "team[1].tracks[0]", "team[2].email", "team[2].roles", "confirmation.remindAfter");
        assertThat(anonymous.get("/api/conferences/lpc2017").body()).isEqualTo(before);

        TestHttp.Response badId = admin.putJson("/api/conferences/LPC%202017", conference(now, now.plusSeconds(60)));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("errors").findValuesAsString("field")).containsExactly("conferenceId");
    }

    @Test
    void organizersSetHowAcceptedSpeakersAreRemindedToConfirm() {
        openCall();
        Instant now = Instant.now();
        Map<String, Object> definition = conference(now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
        definition.put("confirmation", Map.of("remindAfter", "P7D", "releaseUnconfirmed", true));

        TestHttp.Response defined = organizer.putJson("/api/conferences/lpc2017", definition);

        assertThat(defined.status()).as(defined.body()).isEqualTo(200);
        assertThat(defined.json().path("confirmation").path("remindAfter").asString()).isEqualTo("PT168H");
        assertThat(defined.json().path("confirmation").path("releaseUnconfirmed").asBoolean()).isTrue();
        assertThat(organizer.putJson("/api/conferences/lpc2017", Map.of("confirmation", Map.of("remindAfter",
                "seven days"))).status()).isEqualTo(400);
        // none: no reminders
        assertThat(organizer.putJson("/api/conferences/lpc2017", conference(now.minus(1, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS))).json().path("confirmation").path("remindAfter").isMissingNode())
                .isTrue();
    }

    private static String newConferenceId() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
