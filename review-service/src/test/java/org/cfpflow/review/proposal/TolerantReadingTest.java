package org.cfpflow.review.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.Topics;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.review.ReviewServiceTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events are read tolerantly, unlike request bodies: a newer producer may add payload properties, and a consumer
 * that does not know them applies the event all the same instead of dead-lettering it.
 */
class TolerantReadingTest extends ReviewServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anEventWithPropertiesThisServiceDoesNotKnowIsApplied() {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(new ProposalSubmitted("lpc2017", id,
                talk("From a newer producer", "N", "n@example.org"), null, "http://cfp.test/proposals/" + id, null, Instant.now()), "/test");
        ObjectNode payload = (ObjectNode) JSON.readTree(record.value());
        payload.put("addedByANewerVersion", "anything");
        ((ObjectNode) payload.path("talk")).putObject("recording").put("consent", true);
        ((ObjectNode) payload.path("talk").path("speakers").get(0)).put("pronouns", "they/them");
        kafka.send(new ProducerRecord<>(record.topic(), null, record.key(),
                JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8), record.headers()));

        awaitKnown(id);
        assertThat(organizer.get("/api/reviews/proposals/" + id).json().path("title").asString())
                .isEqualTo("From a newer producer");
        assertThat(kafka.readAll(Topics.deadLetter(Topics.PROPOSALS, "review-service")))
                .noneMatch(dead -> id.equals(dead.key()));
    }
}
