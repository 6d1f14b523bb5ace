package org.cfpflow.schedule.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Talk;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.schedule.ScheduleServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The timetable document grows with the talks accepted, not with the traffic of the deployment. */
class BoundedTimetableTest extends ScheduleServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void tenThousandSubmitAndWithdrawCyclesLeaveTheTimetableAsLargeAsItWas() {
        conference("UTC");
        long before = timetableBytes();
        List<ProducerRecord<String, byte[]>> cycles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            Talk talk = talk("Submitted and withdrawn " + i, 15, "cycle" + i + "@example.org");
            cycles.add(CloudEventRecords.of(new ProposalSubmitted(conferenceId, id, talk, null, null, null, Instant.now()), "/test"));
            cycles.add(CloudEventRecords.of(new ProposalWithdrawn(conferenceId, id, talk, Instant.now()), "/test"));
        }
        kafka.sendAll(cycles);
        await().atMost(Duration.ofMinutes(2)).until(() -> mongo.getCollection("decisions")
                .countDocuments(new Document("_id", new Document("$in", ids))) == ids.size());

        assertThat(timetableBytes() - before).as("bytes the timetable grew by").isBetween(-1024L, 1024L);
        // and the withdrawals are known where it matters: an acceptance arriving after one is refused
        String late = ids.get(0);
        publish(new ProposalAccepted(conferenceId, late, talk("Accepted too late", 15, "late@example.org"), null, Instant.now()));
        String control = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, control, talk("Accepted in time", 15, "control@example.org"), null, Instant.now()));
        schedule(control, 1);
        assertThat(anonymous.get("/api/conferences/" + conferenceId + "/timetable").body()).contains(control).doesNotContain(late);
    }

    private long timetableBytes() {
        RawBsonDocument timetable = mongo.getCollection("timetable").withDocumentClass(RawBsonDocument.class)
                .find(new Document("_id", conferenceId)).first();
        return timetable == null ? 0 : timetable.getByteBuffer().remaining();
    }
}
