package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.messaging.PendingEvent;
import org.cfpflow.notification.mail.ComposedMail;
import org.junit.jupiter.api.Test;

/**
 * A notification's own rules, without Spring, Kafka or SMTP: back-off doubles up to its cap, after six hours of
 * failures the e-mail is given up, once; a success says so once; later moves replace the e-mail waiting.
 */
class NotificationTest {

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
        Notification notification = Notification.create("e/ACCEPTED/a@example.org", "lpc2017", "p", "a@example.org",
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

    @Test
    void aSuccessAfterAFailureIsSentWithItsAttemptsAndNoErrorLeft() {
        Instant created = Instant.parse("2026-11-23T08:00:00Z");
        Notification notification = Notification.create("e/SUBMITTED/a@example.org", "lpc2017", "p", "a@example.org",
                NotificationKind.SUBMITTED, new ComposedMail("s", "t", "h", List.of(), null), created, created);
        notification.failed("421 try later", created, policy);
        notification.sent(created.plusSeconds(31));
        assertThat(notification.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(notification.attempts()).isEqualTo(2);
        assertThat(notification.lastError()).isNull();
        assertThat(notification.sentAt()).isEqualTo(created.plusSeconds(31));
        assertThat(notification.pendingEvents()).extracting(PendingEvent::type).containsExactly("NotificationSent");
    }

    @Test
    void aLaterMoveReplacesTheEmailWaitingAndTheFirstMoveIsKept() {
        Instant created = Instant.parse("2026-11-23T08:00:00Z");
        Notification notification = Notification.create("m1/RESCHEDULED/a@example.org", "lpc2017", "p", "a@example.org",
                NotificationKind.RESCHEDULED, new ComposedMail("Moved to 10:00", "t", "h", List.of(), null), created,
                created.plusSeconds(120));
        TalkRescheduled first = new TalkRescheduled("lpc2017", "p", new Talk("T", "a", null, "t", 20,
                List.of(new Speaker("A", "a@example.org", null))), slot(10), slot(9));
        notification.firstMove(first);
        notification.replaceMail("m1/RESCHEDULED/a@example.org/m2", new ComposedMail("Moved to 11:00", "t", "h",
                List.of(), null));

        assertThat(notification.subject()).isEqualTo("Moved to 11:00");
        assertThat(notification.firstMove()).contains(first);
        assertThat(Notification.composedMails(List.of(notification)))
                .containsOnlyKeys("m1/RESCHEDULED/a@example.org/m2");
    }

    private static Slot slot(int hour) {
        LocalDate day = LocalDate.of(2019, 9, 9);
        LocalDateTime start = day.atTime(hour, 0);
        return new Slot("Room 1", day, OffsetDateTime.of(start, ZoneOffset.UTC),
                OffsetDateTime.of(start.plusMinutes(20), ZoneOffset.UTC), start, start.plusMinutes(20));
    }
}
