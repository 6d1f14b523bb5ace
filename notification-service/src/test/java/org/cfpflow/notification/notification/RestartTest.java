package org.cfpflow.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.notification.mail.ComposedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The store is searched for due mail only every scan interval (30 s): a sender started after a crash must still
 * send what the crashed run had claimed as soon as its lease runs out, not at the first search after that.
 */
class RestartTest extends NotificationServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    MailProperties properties;

    @Autowired
    MeterRegistry meters;

    @Test
    void aClaimLeftByACrashedSenderGoesOutWhenItsLeaseRunsOut() {
        String recipient = email("left.behind");
        Instant now = Instant.now();
        Notification claimed = Notification.create(UUID.randomUUID() + "/ACCEPTED/" + recipient,
                UUID.randomUUID().toString(), recipient, NotificationKind.ACCEPTED,
                new ComposedMail("Claimed, then the sender died", "text", "<p>html</p>", List.of()), now, now);
        mongo.insert(claimed);
        Instant leaseEnds = now.plusSeconds(3);
        mongo.updateFirst(new Query(Criteria.where("_id").is(claimed.id())),
                new Update().set("claimedUntil", leaseEnds), Notification.class);

        // the sender of the restarted process: its first run finds the claim held, and nothing it may send yet
        DeliveryWorker restarted = new DeliveryWorker(mongo, mailSender, properties, Clock.systemUTC(), meters);
        assertThat(restarted.deliverDue()).isZero();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> restarted.deliverDue() > 0 || !mailbox.to(recipient).isEmpty());
        assertThat(awaitMail(recipient, 1)).hasSize(1);
        assertThat(Instant.now()).isBefore(leaseEnds.plus(properties.scanInterval()));
    }
}
