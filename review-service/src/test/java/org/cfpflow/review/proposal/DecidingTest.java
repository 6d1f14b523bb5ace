package org.cfpflow.review.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.Topics;
import org.cfpflow.review.ReviewServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

class DecidingTest extends ReviewServiceTest {

    private List<ConsumerRecord<String, byte[]>> decisions(String id, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> events(Topics.DECISIONS, id),
                records -> records.size() >= atLeast);
    }

    @Test
    void aDeciderAcceptsOnceChangesTheirMindAndEachDecisionIsAnnouncedOnce() {
        Talk talk = talk("Exposing resource limits to containers with LXCFS", "Stéphane Graber",
                "stephane.graber@example.org");
        String id = submitted(talk);

        assertStatus(alice.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 403);
        TestHttp.Response accepted = bob.postJson("/api/reviews/proposals/" + id + "/decision",
                Map.of("decision", "ACCEPT", "note", "Looking forward to it"));
        assertStatus(accepted, 200);
        assertThat(accepted.json().path("decision").asString()).isEqualTo("ACCEPTED");
        assertStatus(bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 200);

        ConsumerRecord<String, byte[]> event = decisions(id, 1).get(0);
        assertThat(KafkaProbe.header(event, "ce_type")).isEqualTo("ProposalAccepted");
        assertThat(KafkaProbe.header(event, "ce_source")).isEqualTo("/review-service");
        assertThat(KafkaProbe.header(event, "ce_subject")).isEqualTo(id);
        assertThat(KafkaProbe.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.value(event)).contains("\"title\":\"Exposing resource limits to containers with LXCFS\"",
                "\"durationMinutes\":15", "\"track\":\"containers\"", "\"name\":\"Stéphane Graber\"",
                "\"note\":\"Looking forward to it\"", "\"abstract\":");

        assertStatus(organizer.postJson("/api/reviews/proposals/" + id + "/decision",
                Map.of("decision", "REJECT", "note", "Sorry: the programme is full")), 200);
        assertThat(types(decisions(id, 2))).containsExactly("ProposalAccepted", "ProposalRejected");
    }

    @Test
    void aScheduledTalksDecisionNoLongerChanges() {
        Talk talk = talk("Scheduled already", "Tycho Andersen", "tycho@example.org");
        String id = submitted(talk);
        assertStatus(bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 200);
        LocalDateTime start = LocalDateTime.of(2017, 9, 13, 14, 0);
        publish(new TalkScheduled("lpc2017", id, talk, new Slot("Room", start.toLocalDate(), start.atOffset(ZoneOffset.UTC),
                start.plusMinutes(15).atOffset(ZoneOffset.UTC), start, start.plusMinutes(15))));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                organizer.get("/api/reviews/proposals/" + id).json().path("scheduled").asBoolean());

        TestHttp.Response change = bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "REJECT"));
        assertStatus(change, 409);
        assertThat(change.contentType()).startsWith("application/problem+json");
        assertThat(organizer.get("/api/reviews/proposals/" + id).json().path("decision").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void badDecisionsAreRefused() {
        String id = submitted(talk("Bad decision", "A", "a@example.org"));
        TestHttp.Response maybe = bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "MAYBE"));
        assertStatus(maybe, 400);
        assertThat(maybe.json().path("errors").findValuesAsString("field")).containsExactly("decision");
        assertStatus(bob.postJson("/api/reviews/proposals/unknown/decision", Map.of("decision", "ACCEPT")), 404);
        assertThat(organizer.get("/api/reviews/proposals/" + id).json().has("decision")).isFalse();
    }

    @Test
    void aWithdrawnProposalLeavesTheQueueAndCanNoLongerBeDecidedOrReviewed() {
        Talk talk = talk("Withdrawn", "W", "w@example.org");
        String id = submitted(talk);
        publish(new ProposalWithdrawn("lpc2017", id, talk, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                organizer.get("/api/reviews/proposals/" + id).json().path("withdrawn").asBoolean());

        assertThat(alice.get("/api/conferences/lpc2017/reviews/queue?size=200").json().path("content").findValuesAsString("id"))
                .doesNotContain(id);
        assertStatus(bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 409);
        assertStatus(alice.postJson("/api/reviews/proposals/" + id, Map.of("score", 3)), 409);
    }

    @Test
    void aRedeliveredSubmissionIsOneProposalAndItsDecisionIsAnnouncedOnce() {
        Talk talk = talk("Redelivered", "R", "r@example.org");
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> submission = publish(new ProposalSubmitted("lpc2017", id, talk, null, null, null, Instant.now()));
        awaitKnown(id);
        assertStatus(bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 200);
        kafka.send(submission);
        // a later event on the same partition proves the redelivery was consumed
        String marker = submitted(talk("Marker", "M", "m@example.org"));
        assertThat(marker).isNotNull();
        assertThat(organizer.get("/api/reviews/proposals/" + id).json().path("decision").asString()).isEqualTo("ACCEPTED");
        assertStatus(bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 200);
        assertThat(types(decisions(id, 1))).containsExactly("ProposalAccepted");
    }

    @Test
    void aSubmissionArrivingAfterItsWithdrawalDoesNotBringItBack() {
        Talk talk = talk("Late submission", "L", "l@example.org");
        String id = UUID.randomUUID().toString();
        publish(new ProposalWithdrawn("lpc2017", id, talk, Instant.now()));
        publish(new ProposalSubmitted("lpc2017", id, talk, null, null, null, Instant.now().minusSeconds(60)));
        awaitKnown(id);

        assertThat(organizer.get("/api/reviews/proposals/" + id).json().path("withdrawn").asBoolean()).isTrue();
        assertStatus(bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 409);
        assertThat(events(Topics.DECISIONS, id)).isEmpty();
    }
}
