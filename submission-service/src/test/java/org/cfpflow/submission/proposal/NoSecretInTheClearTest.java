package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.submission.SubmissionServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The speaker gets their edit token in the answer; nothing else holds it in the clear: not the event on any topic
 * (it carries the token sealed for the notification-service), not a dead-letter topic, not the store (a hash).
 */
class NoSecretInTheClearTest extends SubmissionServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SealedTokens sealedTokens;

    @Test
    void theTokenCrossesKafkaSealedAndRestsOnlyAsAHash() {
        openCall();
        JsonNode created = submit(proposal("Secret keeping", "Keeper", "keeper@example.org")).json();
        String id = created.path("id").asString();
        String token = created.path("editToken").asString();
        assertThat(token).hasSizeGreaterThan(20);

        ConsumerRecord<String, byte[]> submitted = await().atMost(Duration.ofSeconds(30))
                .until(() -> events("cfp.proposals", id), records -> !records.isEmpty()).get(0);
        JsonNode payload = JsonMapper.builder().build().readTree(submitted.value());
        assertThat(payload.path("editUrl").asString()).isEqualTo("http://cfp.test/proposals/" + id);
        assertThat(sealedTokens.open(payload.path("sealedEditToken").asString(), id)).isEqualTo(token);

        for (String topic : kafka.topics()) {
            List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic);
            assertThat(records).as(topic).noneMatch(r -> new String(r.value() == null ? new byte[0] : r.value(),
                    StandardCharsets.UTF_8).contains(token));
        }
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                assertThat(document.toJson()).as(collection).doesNotContain(token);
            }
        }
    }
}
