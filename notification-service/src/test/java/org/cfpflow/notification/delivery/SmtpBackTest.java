package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * With a long back-off, an e-mail that failed while SMTP was down would wait for it after the server is back; the
 * sender notices the server answering again and sends everything waiting at once (found by the fault suite).
 */
@TestPropertySource(properties = {"cfp.mail.initial-backoff=10m", "cfp.mail.max-backoff=10m",
        "cfp.mail.probe-interval=500ms"})
class SmtpBackTest extends NotificationServiceTest {

    @Test
    void whenSmtpAnswersAgainWaitingEmailsGoOutWithoutWaitingForTheirBackOff() {
        String id = UUID.randomUUID().toString();
        infrastructure.stopSmtp();
        try {
            publish(new ProposalAccepted("lpc2017", id, talk("Waiting out the outage", "Ruth"), null, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode notification = organizer.get("/api/notifications?conference=lpc2017&proposalId=" + id).json().path("content")
                        .path(0);
                assertThat(notification.path("status").asString()).isEqualTo("PENDING");
                assertThat(notification.path("attempts").asInt()).isEqualTo(1);
                assertThat(Instant.parse(notification.path("nextAttemptAt").asString()))
                        .isAfter(Instant.now().plus(Duration.ofMinutes(5)));
            });
        }
        finally {
            infrastructure.startSmtp();
        }
        awaitMail(email("ruth"), 1);
        // the server's 250 comes before the notification records it: the record follows within moments
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notification = organizer.get("/api/notifications?conference=lpc2017&proposalId=" + id).json().path("content")
                    .path(0);
            assertThat(notification.path("status").asString()).isEqualTo("SENT");
            assertThat(notification.path("attempts").asInt()).isEqualTo(2);
        });
        assertThat(mailbox.to(email("ruth"))).hasSize(1);
    }
}
