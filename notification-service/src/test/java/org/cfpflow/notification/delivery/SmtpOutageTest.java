package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.Talk;
import org.cfpflow.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class SmtpOutageTest extends NotificationServiceTest {

    @Test
    void whileSmtpIsDownTheEmailWaitsAndIsDeliveredOnceWhenItIsBack() {
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Delivered late", "Aleksa");
        infrastructure.stopSmtp();
        try {
            publish(new ProposalAccepted("lpc2017", id, talk, null, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode notifications = organizer.get("/api/notifications?conference=lpc2017&proposalId=" + id).json().path("content");
                assertThat(notifications).hasSize(1);
                JsonNode notification = notifications.get(0);
                assertThat(notification.path("status").asString()).isEqualTo("PENDING");
                assertThat(notification.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
                assertThat(notification.path("lastError").asString()).isNotBlank();
            });
        }
        finally {
            infrastructure.startSmtp();
        }
        awaitMail(email("aleksa"), 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notification = organizer.get("/api/notifications?conference=lpc2017&proposalId=" + id).json().path("content").get(0);
            assertThat(notification.path("status").asString()).isEqualTo("SENT");
            assertThat(notification.path("attempts").asInt()).isGreaterThan(2);
        });
        assertThat(mailbox.to(email("aleksa"))).hasSize(1);
    }

    @Test
    void theListIsForOrganizersAndFilters() {
        assertThat(organizer.get("/api/notifications?conference=lpc2017&status=SENT").status()).isEqualTo(200);
        assertThat(organizer.get("/api/notifications?conference=lpc2017&status=LOST").status()).isEqualTo(400);
        assertThat(org.cfpflow.testsupport.TestHttp.localhost(port).get("/api/notifications").status()).isEqualTo(401);
        assertThat(org.cfpflow.testsupport.TestHttp.localhost(port).get("/actuator/health").json().path("status")
                .asString()).isEqualTo("UP");
    }
}
