package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.testsupport.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The edit token reaches the speaker's mailbox and nowhere else in the clear: not a topic, not a dead-letter
 * topic, not this service's store. Tokens sealed under an older key still open once the current one has rotated.
 */
class NoSecretInTheClearTest extends NotificationServiceTest {

    /** The key this service held before {@code test} became current (application-test.yml). */
    private static final SealedTokens BEFORE_THE_ROTATION = new SealedTokens("older",
            Map.of("older", "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="));

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SealedTokens sealedTokens;

    @Test
    void theTokenIsOpenedOnlyIntoTheMailItselfAndOlderKeysStillOpen() {
        String current = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        String currentToken = "current-" + UUID.randomUUID();
        String olderToken = "older-" + UUID.randomUUID();
        publish(new ProposalSubmitted("lpc2017", current, talk("Sealed now", "Current Speaker"), null,
                "http://cfp.test/proposals/" + current, sealedTokens.seal(currentToken, current), Instant.now()));
        publish(new ProposalSubmitted("lpc2017", older, talk("Sealed before the rotation", "Older Speaker"), null,
                "http://cfp.test/proposals/" + older, BEFORE_THE_ROTATION.seal(olderToken, older), Instant.now()));
        // and one whose record is poison, so that a dead-letter topic holds a copy of a sealed token too
        kafka.send(CloudEventRecords.of(new ProposalSubmitted("lpc2017", UUID.randomUUID().toString(), talk("x", "Poison"), null,
                null, sealedTokens.seal("poison-token", "p"), Instant.now()), "/test").topic(), "poison",
                "{\"conferenceId\": \"lpc2017\", \"proposalId\": ".getBytes(StandardCharsets.UTF_8), Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", "ProposalSubmitted", "ce_source", "/test", "ce_specversion", "1.0"));

        ReceivedMail now = awaitMail(email("current.speaker"), 1).get(0);
        ReceivedMail before = awaitMail(email("older.speaker"), 1).get(0);
        assertThat(now.text()).contains("http://cfp.test/proposals/" + current + "?token=" + currentToken);
        assertThat(before.text()).contains("http://cfp.test/proposals/" + older + "?token=" + olderToken);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("notifications")
                .countDocuments(new Document("proposalId", older).append("status", "SENT")) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.readAll("cfp.proposals.notification-service.dlq").isEmpty());

        for (String topic : kafka.topics()) {
            assertThat(kafka.readAll(topic)).as(topic).noneMatch(r -> r.value() != null && contains(
                    new String(r.value(), StandardCharsets.UTF_8), currentToken, olderToken));
        }
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                assertThat(contains(document.toJson(), currentToken, olderToken)).as(collection).isFalse();
            }
        }
    }

    private static boolean contains(String text, String... secrets) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return true;
            }
        }
        return false;
    }
}
