package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.Talk;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The e-mail log as pages: each message's full text as composed (the edit token's place marked, never the token),
 * and a failed one sent again from its page.
 */
class EmailLogTest extends NotificationServiceTest {

    @Autowired
    SealedTokens sealedTokens;

    @Autowired
    MongoTemplate mongo;

    @Test
    void organizersReadEachEmailAndSendAFailedOneAgain() {
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Log <b>me</b>", "Ada");
        String to = email("ada");
        publish(new ProposalSubmitted("lpc2017", id, talk, null, "http://localhost:8081/proposals/" + id,
                sealedTokens.seal("the-secret-token", id), Instant.now()));
        awaitMail(to, 1);
        String notificationId = await().atMost(Duration.ofSeconds(10)).until(() -> organizer
                .get("/api/notifications?conference=lpc2017&proposalId=" + id).json().path("content").path(0)
                .path("id").asString(), found -> !found.isEmpty());

        TestHttp.Response log = organizer.get("/lpc2017/emails?kind=SUBMITTED");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains(to, "Log &lt;b&gt;me&lt;/b&gt;").doesNotContain("Log <b>me")
                .contains("<title>sent: ").contains("<title>failed: ");
        String page = "/lpc2017/email?id=" + java.net.URLEncoder.encode(notificationId,
                java.nio.charset.StandardCharsets.UTF_8);
        String resend = "/lpc2017/email/resend";
        TestHttp.Response message = organizer.get(page);
        assertThat(message.body()).contains("Dear Ada", "?token=[the speaker&#39;s edit token]", "SENT, 1 attempt",
                "srcdoc=\"", "sandbox").doesNotContain("the-secret-token").doesNotContain("Send it again");

        // as the sender leaves an e-mail it gave up on
        mongo.updateFirst(new Query(Criteria.where("_id").is(notificationId)), new Update()
                .set("status", DeliveryStatus.FAILED.name()).set("lastError", "550 mailbox unavailable"),
                Notification.class);
        TestHttp.Response failed = organizer.get(page);
        assertThat(failed.body()).contains("FAILED", "550 mailbox unavailable", "Send it again");
        assertThat(anonymous(resend, failed.csrfToken(), notificationId).status())
                .as("a post from elsewhere: no CSRF cookie of this site").isEqualTo(403);
        assertThat(organizer.get(page).body()).as("nothing changed").contains("FAILED");
        assertThat(organizer.postForm(resend, "_csrf", failed.csrfToken(), "id", notificationId).status()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(to).size() == 2);
        assertThat(mailbox.to(to).get(1).text()).contains("?token=the-secret-token");
        await().atMost(Duration.ofSeconds(10)).until(() -> organizer.get(page).body().contains("SENT, 1 attempt"));
        TestHttp.Response notFailed = organizer.postForm(resend, "_csrf", failed.csrfToken(), "id", notificationId);
        assertThat(notFailed.status()).as("only a failed e-mail").isEqualTo(409);
    }

    private TestHttp.Response anonymous(String path, String csrf, String id) {
        return TestHttp.localhost(port).postForm(path, "_csrf", csrf, "id", id);
    }
}
