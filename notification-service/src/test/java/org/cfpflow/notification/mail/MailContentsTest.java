package org.cfpflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.notification.mail.ComposedMail;
import org.cfpflow.testsupport.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A notification names its e-mail, stored once apart from it: the notification is rewritten by its claim, its
 * outcome and the relay, the e-mail never.
 */
class MailContentsTest extends NotificationServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SealedTokens sealedTokens;

    @Test
    void theEmailIsStoredApartFromTheNotificationThatSendsIt() {
        String id = UUID.randomUUID().toString();
        publish(new ProposalSubmitted("lpc2017", id, talk("Stored apart", "Aleksa Sarai"), null,
                "http://localhost:8081/proposals/" + id, sealedTokens.seal("kept", id), Instant.now()));
        ReceivedMail sent = awaitMail(email("aleksa.sarai"), 1).get(0);
        assertThat(sent.text()).contains("http://localhost:8081/proposals/" + id + "?token=kept");

        RawBsonDocument notification = await().atMost(Duration.ofSeconds(10)).until(() -> mongo
                .getCollection("notifications").withDocumentClass(RawBsonDocument.class).find(new Document("proposalId", id)
                        .append("status", "SENT").append("pendingEvents", new Document("$size", 0))).first(),
                found -> found != null);
        assertThat(notification.containsKey("mail")).isFalse();
        assertThat(notification.getString("subject").getValue()).isEqualTo(sent.subject());
        assertThat(notification.getByteBuffer().remaining()).as("bytes of the notification").isLessThan(1_000);
        Document mail = mongo.getCollection("mails")
                .find(new Document("_id", notification.getString("mailId").getValue())).first();
        assertThat(mail.get("mail", Document.class).getString("text"))
                .as("stored with the token's place held, the token itself sealed")
                .contains("http://localhost:8081/proposals/" + id + "?token=" + ComposedMail.EDIT_TOKEN)
                .doesNotContain("token=kept");
        assertThat(sealedTokens.open(mail.get("mail", Document.class).getString("sealedEditToken"), id)).isEqualTo("kept");
    }
}
