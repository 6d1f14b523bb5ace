package org.cfpflow.review.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.Topics;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.review.ReviewServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record whose payload the HTTP API would have refused (a line break that would start a mail header, text too
 * long, a non-character XML cannot carry) goes to the dead-letter topic; the service applies none of it.
 */
class ForgedEventsTest extends ReviewServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void payloadsTheApiWouldRefuseAreDeadLettered() {
        Map<String, Consumer<ObjectNode>> forgeries = Map.of(
                "a line break in the title", p -> ((ObjectNode) p.path("talk")).put("title", "Talk\r\nBcc: all@example.org"),
                "a header in an address", p -> ((ObjectNode) p.path("talk").path("speakers").get(0))
                        .put("email", "x@example.org\r\nBcc: all@example.org"),
                "a name too long", p -> ((ObjectNode) p.path("talk").path("speakers").get(0)).put("name", "n".repeat(201)),
                "a non-character", p -> ((ObjectNode) p.path("talk")).put("description", "U+FFFE \uFFFE"),
                "eleven speakers", p -> {
                    var speakers = p.path("talk").withArray("speakers");
                    for (int i = 0; i < 10; i++) {
                        speakers.addObject().put("name", "S" + i).put("email", "s" + i + "@example.org");
                    }
                });
        List<String> ids = forgeries.entrySet().stream().map(forgery -> {
            String id = UUID.randomUUID().toString();
            ProducerRecord<String, byte[]> record = CloudEventRecords.of(new ProposalSubmitted("lpc2017", id,
                    talk("Forged: " + forgery.getKey(), "F", "f@example.org"), null, null, null, Instant.now()), "/test");
            ObjectNode payload = (ObjectNode) JSON.readTree(record.value());
            forgery.getValue().accept(payload);
            kafka.send(new ProducerRecord<>(record.topic(), null, id,
                    JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8), record.headers()));
            return id;
        }).toList();

        String dlq = Topics.deadLetter(Topics.PROPOSALS, "review-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll(dlq).stream()
                .filter(r -> ids.contains(r.key())).count() == ids.size());
        assertThat(kafka.readAll(dlq).stream().filter(r -> ids.contains(r.key()))
                .map(r -> KafkaProbe.header(r, "cfp_dlq_reason"))).allSatisfy(reason -> assertThat(reason).isNotBlank());
        for (String id : ids) {
            assertThat(organizer.get("/api/reviews/proposals/" + id).status()).isEqualTo(404);
        }
    }
}
