package org.cfpflow.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes what became of each e-mail: sent, or failed and retried after its back-off, or given up, with the event
 * that says so, in one write of its notification. Once the server took a message its record must be written, or
 * the message goes out again: while the store is away, this keeps trying for {@code cfp.mail.record-retry}.
 */
final class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MailProperties properties;
    private final MeterRegistry meters;
    private final DueTimes dueTimes;

    Outcomes(MongoTemplate mongo, Clock clock, MailProperties properties, MeterRegistry meters, DueTimes dueTimes) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        this.dueTimes = dueTimes;
    }

    void sent(Notification notification) {
        record(notification, null);
    }

    void failed(Notification notification, String error) {
        record(notification, error);
    }

    /**
     * Marks the outcome on the claimed copy, or, after the store failed, on a copy read again: the copy in memory
     * may hold an outcome the store does not have. An attempt counted in the store already means an earlier try
     * was written before its answer was lost.
     */
    private void record(Notification notification, String error) {
        int attemptsBefore = notification.attempts();
        long giveUp = System.nanoTime() + properties.recordRetry().toNanos();
        Notification current = notification;
        while (true) {
            try {
                if (current == null) {
                    current = mongo.findById(notification.id(), Notification.class);
                    if (current == null) {
                        return; // removed meanwhile: no outcome to keep
                    }
                }
                if (current.attempts() > attemptsBefore) {
                    return;
                }
                write(current, error);
                return;
            }
            catch (DataAccessResourceFailureException | UncategorizedMongoDbException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                log.warn("Cannot record e-mail {} to {} yet, trying again: {}", notification.kind(),
                        notification.recipient(), e.toString());
                pause();
                current = null;
            }
        }
    }

    private void write(Notification current, String error) {
        Instant now = clock.instant();
        if (error == null) {
            current.sent(now);
        }
        else {
            current.failed(error, now, properties);
            log.warn("E-mail {} to {} failed (attempt {}): {}", current.kind(), current.recipient(),
                    current.attempts(), error);
        }
        mongo.save(current);
        if (current.status() == DeliveryStatus.PENDING) {
            dueTimes.add(current.nextAttemptAt());
        }
        String outcome = current.status() == DeliveryStatus.PENDING ? "retrying"
                : current.status().name().toLowerCase(Locale.ROOT);
        meters.counter("cfp.emails", "outcome", outcome).increment();
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording an e-mail", e);
        }
    }
}
