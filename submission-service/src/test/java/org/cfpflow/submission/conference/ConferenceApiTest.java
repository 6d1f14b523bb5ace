package org.cfpflow.submission.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cfpflow.events.Topics;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

class ConferenceApiTest extends SubmissionServiceTest {

    @Test
    void organizerDefinesTheConferenceAnyoneReadsItAndEachChangeIsAnnouncedOnce() {
        Instant opens = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> definition = conference(opens, opens.plus(60, ChronoUnit.DAYS));
        definition.put("title", "Linux Plumbers Conference 2017 " + opens.getEpochSecond());

        assertThat(anonymous.putJson("/api/conference", definition).status()).isEqualTo(401);
        TestHttp.Response defined = organizer.putJson("/api/conference", definition);
        assertThat(defined.status()).as(defined.body()).isEqualTo(200);
        String conferenceId = defined.json().path("id").asString();

        TestHttp.Response read = anonymous.get("/api/conference");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("title").asString()).isEqualTo(definition.get("title"));
        assertThat(read.json().path("blindReview").asBoolean()).isTrue();
        assertThat(read.json().path("tracks").get(0).path("leads").get(0).path("name").asString())
                .isEqualTo("Stéphane Graber");

        // the same definition again changes nothing and announces nothing
        assertThat(organizer.putJson("/api/conference", definition).status()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> announced = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.readAll(Topics.CONFERENCE).stream()
                        .filter(r -> conferenceId.equals(r.key()))
                        .filter(r -> KafkaProbe.value(r).contains((String) definition.get("title"))).toList(),
                        records -> !records.isEmpty());
        assertThat(announced).hasSize(1);
        assertThat(KafkaProbe.header(announced.get(0), "ce_type")).isEqualTo("ConferenceDefined");
        assertThat(KafkaProbe.header(announced.get(0), "ce_source")).isEqualTo("/submission-service");
        assertThat(KafkaProbe.header(announced.get(0), "ce_subject")).isEqualTo(conferenceId);
    }

    @Test
    void anInvalidDefinitionIsRefusedFieldByFieldAndChangesNothing() {
        openCall();
        String before = anonymous.get("/api/conference").body();
        Instant now = Instant.now();
        Map<String, Object> definition = conference(now, now.minus(1, ChronoUnit.DAYS));
        definition.put("acronym", "lpc-2017");
        definition.put("timezone", "Mars/Olympus_Mons");
        definition.put("tracks", List.of(Map.of("slug", "containers", "name", "A", "durations", List.of(7)),
                Map.of("slug", "containers", "name", "B", "durations", List.of(15))));

        TestHttp.Response refused = organizer.putJson("/api/conference", definition);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsString("field")).contains("acronym", "timezone",
                "callCloses", "tracks[0].durations[0]", "tracks[1].slug");
        assertThat(anonymous.get("/api/conference").body()).isEqualTo(before);
    }
}
