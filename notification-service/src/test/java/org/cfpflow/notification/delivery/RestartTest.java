package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.notification.mail.ComposedMail;
import org.cfpflow.notification.mail.MailContents;
import org.cfpflow.testsupport.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The store is searched for due mail only every scan interval (5 min): a sender started after a crash must still
 * send what the crashed run had claimed as soon as its lease runs out, not at the first search after that. And a
 * sender started after an upgrade sends what the version before stored.
 */
class RestartTest extends NotificationServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SealedTokens sealedTokens;

    @Autowired
    MailContents contents;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    MailProperties properties;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DeliveryWorker worker;

    @Test
    void aClaimLeftByACrashedSenderGoesOutWhenItsLeaseRunsOut() {
        String recipient = email("left.behind");
        Instant now = Instant.now();
        Notification claimed = Notification.create(UUID.randomUUID() + "/ACCEPTED/" + recipient, "lpc2017",
                UUID.randomUUID().toString(), recipient, NotificationKind.ACCEPTED,
                new ComposedMail("Claimed, then the sender died", "text", "<p>html</p>", List.of(), null), now, now);
        contents.store(Notification.composedMails(List.of(claimed)));
        mongo.insert(claimed);
        Instant leaseEnds = now.plusSeconds(3);
        mongo.updateFirst(new Query(Criteria.where("_id").is(claimed.id())),
                new Update().set("claimedUntil", leaseEnds), Notification.class);

        // the sender of the restarted process: its first run finds the claim held, and nothing it may send yet
        DeliveryWorker restarted = newSender();
        assertThat(restarted.deliverDue()).isZero();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> restarted.deliverDue() > 0 || !mailbox.to(recipient).isEmpty());
        assertThat(awaitMail(recipient, 1)).hasSize(1);
        assertThat(Instant.now()).isBefore(leaseEnds.plusSeconds(5));
    }

    /** Stopped and started again (as a context's lifecycle may do), the sender sends again. */
    @Test
    void aSenderStoppedAndStartedAgainSendsMail() {
        worker.stop();
        worker.start();
        String id = UUID.randomUUID().toString();
        publish(new ProposalSubmitted("lpc2017", id, talk("Sent after a restart", "After Restart"), null, null, null,
                Instant.now()));
        assertThat(awaitMail(email("after.restart"), 1)).hasSize(1);
    }

    /**
     * The SMTP server took the message, then the store went away for longer than one retry of the record: the
     * outcome is written once the store is back, not taken as written because the copy in memory says so (which
     * lost NotificationSent and sent the e-mail again after the lease).
     */
    @Test
    void anOutcomeTheStoreCannotTakeYetIsWrittenOnceItIsBack() throws Exception {
        worker.stop();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            String recipient = email("store.away");
            Instant now = Instant.now();
            Notification due = Notification.create(UUID.randomUUID() + "/ACCEPTED/" + recipient, "lpc2017",
                    UUID.randomUUID().toString(), recipient, NotificationKind.ACCEPTED,
                    new ComposedMail("Sent while the store went away", "text", "<p>html</p>", List.of(), null), now, now);
            contents.store(Notification.composedMails(List.of(due)));
            mongo.insert(due);
            JavaMailSender storeGoesAwayOnceSent = new JavaMailSender() {
                @Override
                public void send(MimeMessage... messages) {
                    mailSender.send(messages);
                    infrastructure.stopMongo();
                    // back only after a failed write and a failed re-read of the notification (3 s each)
                    later.schedule(infrastructure::startMongo, 10, TimeUnit.SECONDS);
                }

                @Override
                public MimeMessage createMimeMessage() {
                    return mailSender.createMimeMessage();
                }

                @Override
                public MimeMessage createMimeMessage(InputStream content) {
                    return mailSender.createMimeMessage(content);
                }

                @Override
                public void send(SimpleMailMessage... messages) {
                    throw new UnsupportedOperationException("the sender sends MIME messages");
                }
            };
            DeliveryWorker sender = new DeliveryWorker(mongo, contents, storeGoesAwayOnceSent, properties,
                    Clock.systemUTC(), meters, sealedTokens);

            // a run may end with the store away (its loop runs again); what matters is what it recorded
            Throwable run = catchThrowable(sender::deliverDue);
            assertThat(run).satisfiesAnyOf(t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(DataAccessResourceFailureException.class));
            later.shutdown();
            assertThat(later.awaitTermination(15, TimeUnit.SECONDS)).as("the store is back").isTrue();

            // the driver may take a moment to see the store again: read until it answers
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                    mongo.findById(due.id(), Notification.class).status()).isEqualTo(DeliveryStatus.SENT));
            assertThat(awaitMail(recipient, 1)).hasSize(1);
        }
        finally {
            later.shutdown();
            later.awaitTermination(15, TimeUnit.SECONDS);
            worker.start();
        }
    }

    private DeliveryWorker newSender() {
        return new DeliveryWorker(mongo, contents, mailSender, properties, Clock.systemUTC(), meters, sealedTokens);
    }
}
