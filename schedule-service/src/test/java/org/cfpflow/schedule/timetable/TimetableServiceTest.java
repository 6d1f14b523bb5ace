package org.cfpflow.schedule.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Talk;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.schedule.ScheduleServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

class TimetableServiceTest extends ScheduleServiceTest {

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    MongoTemplate mongo;

    private JsonNode slotOf(String proposalId) {
        for (JsonNode day : anonymous.get("/api/conferences/" + conferenceId + "/timetable").json().path("days")) {
            for (JsonNode room : day.path("rooms")) {
                for (JsonNode slot : room.path("slots")) {
                    if (slot.path("proposalId").asString().equals(proposalId)) {
                        return slot;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void anAcceptedTalkIsScheduledOnceWithItsSlotEvenWhenTheDecisionIsRedelivered() {
        conference("America/Los_Angeles");
        assertStatus(blocks(List.of(block(track + "-room", "2017-09-13T14:00", "2017-09-13T17:30",
                Map.of("start", "2017-09-13T15:35", "end", "2017-09-13T15:50")))), 200);
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Welcome", 5, "stephane.graber@example.org");

        ProducerRecord<String, byte[]> accepted = publish(new ProposalAccepted(conferenceId, id, talk, null, Instant.now()));
        kafka.send(accepted);

        ConsumerRecord<String, byte[]> scheduled = schedule(id, 1).get(0);
        assertThat(KafkaProbe.header(scheduled, "ce_type")).isEqualTo("TalkScheduled");
        assertThat(KafkaProbe.header(scheduled, "ce_source")).isEqualTo("/schedule-service");
        assertThat(KafkaProbe.value(scheduled)).contains("\"start\":\"2017-09-13T14:00:00-07:00\"",
                "\"startLocal\":\"2017-09-13T14:00:00\"", "\"day\":\"2017-09-13\"", "\"room\":\"" + track + "-room\"");
        JsonNode slot = slotOf(id);
        assertThat(slot.path("start").asString()).isEqualTo("2017-09-13T14:00:00-07:00");
        assertThat(slot.path("endLocal").asString()).isEqualTo("2017-09-13T14:05:00");
        assertThat(slot.path("speakers").get(0).asString()).isEqualTo("stephane.graber");

        // a later event proves the redelivered decision was consumed: still one TalkScheduled
        String marker = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, marker, talk("Marker", 5, "m@example.org"), null, Instant.now()));
        schedule(marker, 1);
        assertThat(types(schedule(id, 1))).containsExactly("TalkScheduled");
    }

    @Test
    void aWithdrawalThatOvertakesTheAcceptanceKeepsTheTalkOutAndAWithdrawalFreesItsSlot() {
        conference("Europe/Berlin");
        assertStatus(blocks(List.of(block(track + "-room", "2019-09-10T15:00", "2019-09-10T15:40"))), 200);
        Talk first = talk("First", 20, "first@example.org");
        Talk waiting = talk("Waiting", 30, "waiting@example.org");
        String early = UUID.randomUUID().toString();
        publish(new ProposalWithdrawn(conferenceId, early, talk("Gone", 20, "gone@example.org"), Instant.now()));
        // the two topics are consumed independently: the acceptance must come after the withdrawal was applied
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(early, org.bson.Document.class,
                "decisions") != null);
        publish(new ProposalAccepted(conferenceId, early, talk("Gone", 20, "gone@example.org"), null, Instant.now()));
        String firstId = UUID.randomUUID().toString();
        String waitingId = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, firstId, first, null, Instant.now()));
        publish(new ProposalAccepted(conferenceId, waitingId, waiting, null, Instant.now()));
        assertThat(types(schedule(waitingId, 1))).containsExactly("TalkWaitlisted");
        assertThat(anonymous.get("/api/conferences/" + conferenceId + "/timetable").json().path("waitlist").findValuesAsString("proposalId"))
                .contains(waitingId);

        publish(new ProposalWithdrawn(conferenceId, firstId, first, Instant.now()));

        assertThat(types(schedule(firstId, 2))).containsExactly("TalkScheduled", "TalkUnscheduled");
        assertThat(types(schedule(waitingId, 2))).containsExactly("TalkWaitlisted", "TalkScheduled");
        assertThat(slotOf(waitingId).path("startLocal").asString()).isEqualTo("2019-09-10T15:00:00");
        assertThat(kafka.readAll("cfp.schedule").stream().filter(r -> early.equals(r.key()))).isEmpty();
        assertStoredAsAWholeSaveWouldWriteIt();
    }

    @Test
    void anOrganizerMovesATalkAndIsToldPreciselyWhyAMoveClashes() {
        conference("UTC");
        assertStatus(blocks(List.of(
                block(track + "-a", "2017-09-13T09:00", "2017-09-13T11:00",
                        Map.of("start", "2017-09-13T10:00", "end", "2017-09-13T10:15")),
                block(track + "-b", "2017-09-13T09:00", "2017-09-13T11:00"))), 200);
        String one = UUID.randomUUID().toString();
        String two = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, one, talk("One", 30, "christian@example.org"), null, Instant.now()));
        publish(new ProposalAccepted(conferenceId, two, talk("Two", 30, "serge@example.org"), null, Instant.now()));
        schedule(two, 1);
        // Two went to 09:00 in room b (the earliest start), One to 09:00 in room a.

        TestHttp.Response roomTaken = organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + two,
                Map.of("start", "2017-09-13T09:15", "room", track + "-a"));
        assertStatus(roomTaken, 409);
        assertThat(roomTaken.contentType()).startsWith("application/problem+json");
        assertThat(roomTaken.json().path("clashes").findValuesAsString("kind")).containsExactly("ROOM_OVERLAP");
        assertThat(roomTaken.json().path("clashes").get(0).path("otherProposalId").asString()).isEqualTo(one);

        TestHttp.Response inBreak = organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + two,
                Map.of("start", "2017-09-13T09:50", "room", track + "-a"));
        assertThat(inBreak.json().path("clashes").findValuesAsString("kind")).containsExactly("IN_BREAK");
        TestHttp.Response outside = organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + two,
                Map.of("start", "2017-09-13T10:45", "room", track + "-b"));
        assertThat(outside.json().path("clashes").findValuesAsString("kind")).containsExactly("OUTSIDE_BLOCK");
        assertStatus(anonymous.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + two, Map.of("start", "2017-09-13T10:15",
                "room", track + "-a")), 401);
        assertStatus(organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/unknown", Map.of("start", "2017-09-13T10:15",
                "room", track + "-a")), 404);
        assertStatus(organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + two, Map.of("room", track + "-a")), 400);

        TestHttp.Response moved = organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + two,
                Map.of("start", "2017-09-13T10:15", "room", track + "-a"));
        assertStatus(moved, 200);
        assertThat(slotOf(two).path("startLocal").asString()).isEqualTo("2017-09-13T10:15:00");
        assertThat(types(schedule(two, 2))).containsExactly("TalkScheduled", "TalkRescheduled");

        // the next decision is placed on the timetable as moved, not on the copy the consumer last wrote itself
        String three = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, three, talk("Three", 30, "tycho@example.org"), null, Instant.now()));
        schedule(three, 1);
        assertThat(slotOf(two).path("startLocal").asString()).isEqualTo("2017-09-13T10:15:00");
        assertThat(types(schedule(two, 2))).containsExactly("TalkScheduled", "TalkRescheduled");
        assertStoredAsAWholeSaveWouldWriteIt();
    }

    @Test
    void aSpeakerBusyElsewhereIsNamedWithTheOtherTalk() {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-a", "2017-09-14T09:00", "2017-09-14T10:00"),
                block(track + "-b", "2017-09-14T09:00", "2017-09-14T10:00"))), 200);
        String one = UUID.randomUUID().toString();
        String two = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, one, talk("One", 30, "christian@example.org"), null, Instant.now()));
        publish(new ProposalAccepted(conferenceId, two, talk("Two", 30, "christian@example.org"), null, Instant.now()));
        schedule(two, 1);
        assertThat(slotOf(two).path("startLocal").asString()).isEqualTo("2017-09-14T09:30:00");

        // One is at 09:00 in room a (rooms in name order at equal starts); room b is free then, its speaker is not
        assertThat(slotOf(one).path("startLocal").asString()).isEqualTo("2017-09-14T09:00:00");
        TestHttp.Response busy = organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + two,
                Map.of("start", "2017-09-14T09:00", "room", track + "-b"));
        assertStatus(busy, 409);
        JsonNode clash = busy.json().path("clashes").get(0);
        assertThat(clash.path("kind").asString()).isEqualTo("SPEAKER_BUSY");
        assertThat(clash.path("speaker").asString()).isEqualTo("christian");
        assertThat(clash.path("otherProposalId").asString()).isEqualTo(one);
        assertThat(busy.json().path("detail").asString()).contains("christian", "\"One\"");
    }

    @Test
    void blocksThatNoLongerHoldATalkSendItToTheWaitlistAndBadBlocksAreRefused() {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-a", "2017-09-15T09:00", "2017-09-15T10:00"))), 200);
        String id = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, id, talk("Moved out", 30, "x@example.org"), null, Instant.now()));
        schedule(id, 1);

        assertStatus(blocks(List.of(block(track + "-a", "2017-09-15T09:00", "2017-09-15T09:20"))), 200);

        assertThat(types(schedule(id, 3))).containsExactly("TalkScheduled", "TalkUnscheduled", "TalkWaitlisted");
        TestHttp.Response bad = blocks(List.of(Map.of("track", "nope", "room", "r", "start", "2017-09-15T10:00",
                "end", "2017-09-15T09:00")));
        assertStatus(bad, 400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("blocks[0].track", "blocks[0].end");
        assertStatus(anonymous.putJson("/api/conferences/" + conferenceId + "/timetable/blocks", Map.of("blocks", List.of())), 401);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(anonymous.get("/api/conferences/" + conferenceId + "/timetable").json().path("waitlist").findValuesAsString("proposalId"))
                        .contains(id));
    }

    @Test
    void aChangedDecisionToRejectFreesTheSlot() {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-a", "2017-09-16T09:00", "2017-09-16T10:00"))), 200);
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Rejected later", 30, "r@example.org");
        publish(new ProposalAccepted(conferenceId, id, talk, null, Instant.now()));
        schedule(id, 1);
        publish(new ProposalRejected(conferenceId, id, talk, "changed our minds", Instant.now()));
        assertThat(types(schedule(id, 2))).containsExactly("TalkScheduled", "TalkUnscheduled");
    }

    @Test
    void aBacklogOfDecisionsIsPlacedInOrderInOneWriteAndEachTalkContinuesItsDecisionsTrace() {
        conference("Europe/Berlin");
        assertStatus(blocks(List.of(block(track + "-room", "2018-11-13T09:00", "2018-11-13T11:00"))), 200);
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<String> traces = ids.stream().map(id -> id.replace("-", "")).toList();
        long versionBefore = version();

        // paused, the service polls nothing; resumed, one poll returns the whole backlog
        bindings.changeState("cfpEvents-in-0", BindingsLifecycleController.State.PAUSED);
        for (int i = 0; i < ids.size(); i++) {
            ProducerRecord<String, byte[]> record = CloudEventRecords.of(new ProposalAccepted(conferenceId, ids.get(i),
                    talk("Talk " + i, 10, "s" + i + "@example.org"), null, Instant.now()), "/test");
            record.headers().add("traceparent", ("00-" + traces.get(i) + "-b7ad6b7169203331-01")
                    .getBytes(StandardCharsets.UTF_8));
            kafka.send(record);
        }
        bindings.changeState("cfpEvents-in-0", BindingsLifecycleController.State.RESUMED);

        for (int i = 0; i < ids.size(); i++) {
            ConsumerRecord<String, byte[]> scheduled = schedule(ids.get(i), 1).get(0);
            assertThat(KafkaProbe.value(scheduled)).contains("\"startLocal\":\"2018-11-13T" + LocalTime.of(9, 0)
                    .plusMinutes(10L * i) + ":00\"");
            assertThat(KafkaProbe.header(scheduled, "traceparent")).startsWith("00-" + traces.get(i) + "-");
        }
        // each write bumps the version, and so does the relay's removal of what it published: one decision at a
        // time would have taken at least 24
        assertThat(version() - versionBefore).isLessThan(2L * ids.size());
        assertStoredAsAWholeSaveWouldWriteIt();
    }

    /**
     * The timetable is written by updates of what changed: what they left must be what saving it whole would
     * write (but for the outbox, which the relay drains meanwhile), or it would read back differently.
     */
    private void assertStoredAsAWholeSaveWouldWriteIt() {
        org.bson.Document stored = mongo.findById(conferenceId, org.bson.Document.class, "timetable");
        org.bson.Document whole = new org.bson.Document();
        mongo.getConverter().write(mongo.findById(conferenceId, Timetable.class), whole);
        for (String outbox : List.of("pendingEvents", "version")) {
            stored.remove(outbox);
            whole.remove(outbox);
        }
        assertThat(stored).isEqualTo(whole);
    }

    private long version() {
        return mongo.findById(conferenceId, org.bson.Document.class, "timetable").get("version", Number.class)
                .longValue();
    }
}
