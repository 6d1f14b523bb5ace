package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cfpflow.messaging.PendingEvent;
import org.cfpflow.notification.mail.ComposedMail;
import org.junit.jupiter.api.Test;

/** Back-off doubles up to its cap; after six hours of failures the e-mail is given up, once. */
class RetryPolicyTest {

    private final MailProperties policy = new MailProperties("cfp@example.org", Duration.ofSeconds(30),
            Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofMinutes(2), 4, 50, Duration.ofSeconds(1),
            Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofSeconds(10));

    @Test
    void backOffDoublesUpToItsCap() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.backoffAfter(20)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void failuresAreRetriedForSixHoursThenMarkedFailedWithAnEvent() {
        Instant created = Instant.parse("2026-11-23T08:00:00Z");
        Notification notification = Notification.create("e/ACCEPTED/a@example.org", "p", "a@example.org",
                NotificationKind.ACCEPTED, new ComposedMail("s", "t", "h", List.of(), null), created, created);
        Instant now = created;
        while (notification.status() == DeliveryStatus.PENDING) {
            now = notification.nextAttemptAt();
            notification.failed("Connection refused", now, policy);
        }
        assertThat(notification.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(Duration.between(created, now)).isGreaterThanOrEqualTo(Duration.ofHours(6))
                .isLessThan(Duration.ofHours(6).plusMinutes(31));
        assertThat(notification.attempts()).isBetween(10, 30);
        assertThat(notification.pendingEvents()).extracting(PendingEvent::type).containsExactly("NotificationFailed");
    }
}
