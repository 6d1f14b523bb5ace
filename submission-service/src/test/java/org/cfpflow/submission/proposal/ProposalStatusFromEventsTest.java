package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.NotificationSent;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.submission.SubmissionServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Decisions and schedule changes reach the speaker's view, whatever their order, however often delivered. */
class ProposalStatusFromEventsTest extends SubmissionServiceTest {

    static final Talk TALK = new Talk("LXCFS", "a", "d", "containers", 15,
            List.of(new Speaker("Serge Hallyn", "serge@example.org", null)));

    @BeforeEach
    void open() {
        openCall();
    }

    private JsonNode submitted() {
        return submit(proposal("LXCFS", "Serge Hallyn", "serge@example.org")).json();
    }

    private ProducerRecord<String, byte[]> publish(CfpEvent event) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event, "/test");
        kafka.send(record);
        return record;
    }

    static Slot slot(int hour) {
        LocalDateTime start = LocalDateTime.of(2017, 9, 13, hour, 0);
        ZoneOffset pdt = ZoneOffset.ofHours(-7);
        return new Slot("Containers MC room", start.toLocalDate(), start.atOffset(pdt), start.plusMinutes(15).atOffset(pdt),
                start, start.plusMinutes(15));
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo(status));
    }

    @Test
    void acceptedThenScheduledShowsTheSlot() {
        String id = submitted().path("id").asString();
        publish(new ProposalAccepted("lpc2017", id, TALK, "Welcome aboard", Instant.now()));
        awaitStatus(id, "ACCEPTED");
        publish(new TalkScheduled("lpc2017", id, TALK, slot(14)));
        awaitStatus(id, "SCHEDULED");
        JsonNode proposal = organizer.get("/api/proposals/" + id).json();
        assertThat(proposal.path("slot").path("room").asString()).isEqualTo("Containers MC room");
        assertThat(proposal.path("slot").path("start").asString()).isEqualTo("2017-09-13T14:00-07:00");
        assertThat(proposal.path("slot").path("startLocal").asString()).isEqualTo("2017-09-13T14:00");
        assertThat(proposal.path("decisionNote").asString()).isEqualTo("Welcome aboard");
    }

    @Test
    void scheduleArrivingBeforeTheDecisionStillEndsScheduled() {
        String id = submitted().path("id").asString();
        publish(new TalkScheduled("lpc2017", id, TALK, slot(15)));
        awaitStatus(id, "SCHEDULED");
        publish(new ProposalAccepted("lpc2017", id, TALK, null, Instant.now()));
        // the accept is applied (a marker after it proves that) but does not undo the slot
        String marker = submitted().path("id").asString();
        publish(new TalkWaitlisted("lpc2017", marker, TALK, "no slot fits"));
        awaitStatus(marker, "WAITLISTED");
        assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndARejectionWins() {
        String id = submitted().path("id").asString();
        ProducerRecord<String, byte[]> accept = publish(new ProposalAccepted("lpc2017", id, TALK, null, Instant.now()));
        awaitStatus(id, "ACCEPTED");
        publish(new ProposalRejected("lpc2017", id, TALK, "Sorry, full", Instant.now()));
        awaitStatus(id, "REJECTED");
        // the old accept, delivered again, changes nothing
        kafka.send(accept);
        String marker = submitted().path("id").asString();
        publish(new TalkWaitlisted("lpc2017", marker, TALK, "no slot fits"));
        awaitStatus(marker, "WAITLISTED");
        assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aWithdrawnProposalStaysWithdrawnWhateverArrivesLater() {
        JsonNode created = submitted();
        String id = created.path("id").asString();
        assertThat(anonymous.postJson("/api/proposals/" + id + "/withdraw", "", "X-Edit-Token",
                created.path("editToken").asString()).status()).isEqualTo(200);
        publish(new ProposalAccepted("lpc2017", id, TALK, null, Instant.now()));
        publish(new TalkScheduled("lpc2017", id, TALK, slot(16)));
        String marker = submitted().path("id").asString();
        publish(new TalkWaitlisted("lpc2017", marker, TALK, "no slot fits"));
        awaitStatus(marker, "WAITLISTED");
        assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theTimelineListsEveryEventAboutTheProposalInOrder() {
        JsonNode created = submitted();
        String id = created.path("id").asString();
        publish(new ProposalAccepted("lpc2017", id, TALK, null, Instant.now()));
        publish(new TalkScheduled("lpc2017", id, TALK, slot(14)));
        publish(new NotificationSent("lpc2017", "n-1", id, "serge@example.org", "SCHEDULED", 1, Instant.now()));
        awaitStatus(id, "SCHEDULED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            TestHttpResponseTypes timeline = new TestHttpResponseTypes(anonymous.get("/api/proposals/" + id + "/timeline",
                    "X-Edit-Token", created.path("editToken").asString()).json());
            assertThat(timeline.types()).containsExactly("ProposalSubmitted", "ProposalAccepted", "TalkScheduled",
                    "NotificationSent");
            assertThat(timeline.json().get(0).path("source").asString()).isEqualTo("/submission-service");
            assertThat(timeline.json().get(1).path("topic").asString()).isEqualTo("cfp.decisions");
        });
        assertThat(anonymous.get("/api/proposals/" + id + "/timeline").status()).isEqualTo(404);
    }

    @Test
    void anEmailSentDeliveredTwiceIsInTheTimelineOnce() {
        JsonNode created = submitted();
        String id = created.path("id").asString();
        ProducerRecord<String, byte[]> sent = publish(new NotificationSent("lpc2017", "n-2", id, "serge@example.org", "RECEIVED", 1,
                Instant.now()));
        kafka.send(sent);
        publish(new NotificationSent("lpc2017", "n-3", id, "serge@example.org", "ACCEPTED", 1, Instant.now()));
        // about a proposal this service never had: ignored, nothing created
        String unknown = java.util.UUID.randomUUID().toString();
        publish(new NotificationSent("lpc2017", "n-4", unknown, "serge@example.org", "RECEIVED", 1, Instant.now()));
        // on the same topic after them: once the marker's is in its timeline, theirs have been handled
        JsonNode marker = submitted();
        publish(new NotificationSent("lpc2017", "n-5", marker.path("id").asString(), "serge@example.org", "RECEIVED", 1,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(new TestHttpResponseTypes(
                anonymous.get("/api/proposals/" + marker.path("id").asString() + "/timeline", "X-Edit-Token",
                        marker.path("editToken").asString()).json()).types()).contains("NotificationSent"));

        JsonNode timeline = anonymous.get("/api/proposals/" + id + "/timeline", "X-Edit-Token",
                created.path("editToken").asString()).json();
        assertThat(new TestHttpResponseTypes(timeline).types())
                .containsExactly("ProposalSubmitted", "NotificationSent", "NotificationSent");
        assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(organizer.get("/api/proposals/" + unknown).status()).isEqualTo(404);
    }

    private record TestHttpResponseTypes(JsonNode json) {

        List<String> types() {
            return json.findValuesAsString("type");
        }
    }
}
