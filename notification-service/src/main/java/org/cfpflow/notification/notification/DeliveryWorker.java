package org.cfpflow.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.cfpflow.notification.mail.ComposedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends what is due. Each notification is claimed (a lease, taken atomically) before it is sent, then marked sent or
 * scheduled for a retry, with its event, in one write. Claimed mail goes out over a few SMTP connections in
 * parallel, each carrying a batch. The one window left: a crash after the SMTP server took a message and before the
 * record says so sends that message again when the lease runs out.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final MongoTemplate mongo;
    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Queue<String> fresh = new ConcurrentLinkedQueue<>();
    private volatile long lastScan;
    private final ExecutorService connections;
    private volatile Thread worker;
    private volatile boolean running;

    DeliveryWorker(MongoTemplate mongo, JavaMailSender mailSender, MailProperties properties, Clock clock,
                   MeterRegistry meters) {
        this.meters = meters;
        this.mongo = mongo;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.connections = Executors.newFixedThreadPool(Math.max(1, properties.connections()), runnable -> {
            Thread thread = new Thread(runnable, "smtp-connection");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** New notifications to send now: claimed by id, without searching the whole collection. */
    void wakeUp(List<String> ids) {
        if (fresh.size() < 100_000) {
            fresh.addAll(ids);
        }
        wakeUps.release();
    }

    /** Sends what was just created, and every poll interval whatever else is due (retries); returns the count. */
    int deliverDue() {
        int attempted = 0;
        List<Notification> claimed;
        while (!(claimed = claimFresh()).isEmpty()) {
            send(claimed);
            attempted += claimed.size();
        }
        if (System.nanoTime() - lastScan >= properties.pollInterval().toNanos()) {
            lastScan = System.nanoTime();
            while (!(claimed = claimDue()).isEmpty()) {
                send(claimed);
                attempted += claimed.size();
            }
        }
        return attempted;
    }

    private List<Notification> claimFresh() {
        List<String> ids = new ArrayList<>();
        for (String id = fresh.poll(); id != null && ids.size() < batchLimit(); id = fresh.poll()) {
            ids.add(id);
        }
        return claim(ids);
    }

    private List<Notification> claimDue() {
        Instant now = clock.instant();
        Query due = new Query(Criteria.where("status").is(DeliveryStatus.PENDING.name())
                .and("nextAttemptAt").lte(now).and("claimedUntil").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(batchLimit());
        due.fields().include("_id");
        return claim(mongo.find(due, Notification.class).stream().map(Notification::id).toList());
    }

    private int batchLimit() {
        return properties.batchSize() * properties.connections();
    }

    /** Takes the lease on each that is due and not leased; what another sender holds or is not due is skipped. */
    private List<Notification> claim(List<String> ids) {
        Instant now = clock.instant();
        List<Notification> claimed = new ArrayList<>();
        for (String id : ids) {
            Notification mine = mongo.findAndModify(
                    new Query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.PENDING.name())
                            .and("nextAttemptAt").lte(now).and("claimedUntil").lte(now)),
                    new Update().set("claimedUntil", now.plus(properties.claimLease())).inc("version", 1),
                    FindAndModifyOptions.options().returnNew(true), Notification.class);
            if (mine != null) {
                claimed.add(mine);
            }
        }
        return claimed;
    }

    private void send(List<Notification> claimed) {
        int groups = Math.max(1, Math.min(properties.connections(), claimed.size()));
        List<List<Notification>> batches = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            batches.add(new ArrayList<>());
        }
        for (int i = 0; i < claimed.size(); i++) {
            batches.get(i % groups).add(claimed.get(i));
        }
        List<Future<?>> sending = new ArrayList<>();
        for (List<Notification> batch : batches) {
            sending.add(connections.submit(() -> sendOverOneConnection(batch)));
        }
        for (Future<?> future : sending) {
            try {
                future.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (java.util.concurrent.ExecutionException e) {
                log.error("Sending a batch failed unexpectedly", e.getCause());
            }
        }
    }

    private void sendOverOneConnection(List<Notification> batch) {
        Map<MimeMessage, Notification> messages = new IdentityHashMap<>();
        List<MimeMessage> ordered = new ArrayList<>();
        for (Notification notification : batch) {
            try {
                MimeMessage message = toMessage(notification);
                messages.put(message, notification);
                ordered.add(message);
            }
            catch (MessagingException | RuntimeException e) {
                record(notification, "could not build the message: " + e.getMessage());
            }
        }
        Map<Object, Exception> failures = Map.of();
        try {
            mailSender.send(ordered.toArray(MimeMessage[]::new));
        }
        catch (MailSendException e) {
            failures = e.getFailedMessages().isEmpty() ? allFailed(ordered, e) : e.getFailedMessages();
        }
        catch (MailException e) {
            failures = allFailed(ordered, e);
        }
        for (MimeMessage message : ordered) {
            Exception failure = failures.get(message);
            record(messages.get(message), failure == null ? null : describe(failure));
        }
    }

    private static Map<Object, Exception> allFailed(List<MimeMessage> messages, Exception e) {
        Map<Object, Exception> failures = new IdentityHashMap<>();
        messages.forEach(m -> failures.put(m, e));
        return failures;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
    }

    /** Marks the outcome on a fresh copy: the claim bumped the version. */
    private void record(Notification notification, String error) {
        Instant now = clock.instant();
        if (error == null) {
            notification.sent(now);
        }
        else {
            notification.failed(error, now, properties);
            log.warn("E-mail {} to {} failed (attempt {}): {}", notification.kind(), notification.recipient(),
                    notification.attempts(), error);
        }
        mongo.save(notification);
        String outcome = notification.status() == DeliveryStatus.PENDING ? "retrying"
                : notification.status().name().toLowerCase(java.util.Locale.ROOT);
        meters.counter("cfp.emails", "outcome", outcome).increment();
    }

    private MimeMessage toMessage(Notification notification) throws MessagingException {
        ComposedMail mail = notification.mail();
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(notification.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        for (ComposedMail.Attachment attachment : mail.attachments()) {
            helper.addAttachment(attachment.fileName(),
                    new ByteArrayResource(attachment.content().getBytes(StandardCharsets.UTF_8)), attachment.contentType());
        }
        message.saveChanges();
        // the same id on a resend lets mail clients drop the copy
        message.setHeader("Message-ID", "<" + sha256(notification.id()) + "@cfp-flow>");
        return message;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (running) {
                    deliverDue();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException e) {
                log.warn("Delivery run failed, trying again: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "mail-delivery");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUps.release();
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(10_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connections.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
