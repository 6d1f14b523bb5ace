package org.cfpflow.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.cfpflow.messaging.SafetyNetSchedule;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.mail.ComposedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
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
    private final MailContents contents;
    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    /** Opens a speaker's edit token into their receipt only as it is sent: no store holds it in the clear. */
    private final SealedTokens sealedTokens;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Queue<String> fresh = new ConcurrentLinkedQueue<>();
    private final SafetyNetSchedule scans;
    /** When the mail this worker scheduled itself falls due (retries, delayed e-mails). */
    private final NavigableSet<Instant> dueTimes = new ConcurrentSkipListSet<>();
    private volatile boolean leasesKnown;
    private volatile long lastProbe;
    private volatile boolean smtpUnreachable;
    /** The SMTP connections' threads: ended by {@link #stop()}, made again by {@link #start()}. */
    private volatile ExecutorService connections;
    private volatile Thread worker;
    private volatile boolean running;

    DeliveryWorker(MongoTemplate mongo, MailContents contents, JavaMailSender mailSender, MailProperties properties,
                   Clock clock, MeterRegistry meters, SealedTokens sealedTokens) {
        this.meters = meters;
        this.sealedTokens = sealedTokens;
        this.mongo = mongo;
        this.contents = contents;
        this.mailSender = mailSender;
        this.properties = properties;
        this.scans = new SafetyNetSchedule(properties.scanInterval(), properties.scanQuietPeriod(), System::nanoTime);
        this.clock = clock;
        this.connections = newConnections();
    }

    private ExecutorService newConnections() {
        return Executors.newFixedThreadPool(Math.max(1, properties.connections()), runnable -> {
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
        else {
            // not queued: the next run searches the store for them rather than the next scan
            scans.forget();
        }
        wakeUps.release();
    }

    /** Mail this worker will not be woken for: sent when due without waiting for the next scan of the store. */
    void dueAt(Instant when) {
        if (dueTimes.size() < 100_000) {
            dueTimes.add(when);
        }
        // beyond that, the scan every scan interval finds it
    }

    /**
     * Sends what was just created; what this worker scheduled itself once it is due; and every scan interval
     * whatever else the store holds that is due. Returns the count.
     */
    int deliverDue() {
        int attempted = 0;
        List<Notification> claimed;
        while (!(claimed = claimFresh()).isEmpty()) {
            send(claimed);
            attempted += claimed.size();
        }
        if (attempted > 0) {
            scans.active();
        }
        if (scans.due() || somethingScheduledIsDue()) {
            long search = scans.searching();
            if (!leasesKnown) {
                rememberWhenLeasesRunOut();
                leasesKnown = true;
            }
            while (!(claimed = claimDue()).isEmpty()) {
                send(claimed);
                attempted += claimed.size();
            }
            scans.searched(search);
        }
        return attempted;
    }

    /**
     * After a restart or a failed run: the claims held by the killed run (or left unsent by the failed one) are sent
     * when their lease runs out, not at the first scan after that.
     */
    private void rememberWhenLeasesRunOut() {
        Query leased = new Query(Criteria.where("status").is(DeliveryStatus.PENDING.name())
                .and("claimedUntil").gt(clock.instant()));
        leased.fields().include("claimedUntil");
        mongo.find(leased, Notification.class).forEach(n -> dueAt(n.claimedUntil()));
    }

    private boolean somethingScheduledIsDue() {
        NavigableSet<Instant> due = dueTimes.headSet(clock.instant(), true);
        if (due.isEmpty()) {
            return false;
        }
        due.clear();
        return true;
    }

    private List<Notification> claimFresh() {
        List<String> ids = new ArrayList<>();
        // the size is checked before polling: an id polled past the limit would be lost until the next scan
        while (ids.size() < batchLimit()) {
            String id = fresh.poll();
            if (id == null) {
                break;
            }
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

    /**
     * Takes the lease on each that is due and not leased; what another sender holds or is not due is skipped. Two
     * commands for the whole list: the lease is taken with a token of this claim, then what carries it is read.
     */
    private List<Notification> claim(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        mongo.updateMulti(new Query(Criteria.where("_id").in(ids).and("status").is(DeliveryStatus.PENDING.name())
                        .and("nextAttemptAt").lte(now).and("claimedUntil").lte(now)),
                new Update().set("claimedUntil", now.plus(properties.claimLease())).set("claim", claim)
                        .inc("version", 1),
                Notification.class);
        return mongo.find(new Query(Criteria.where("_id").in(ids).and("claim").is(claim)), Notification.class);
    }

    private void send(List<Notification> claimed) {
        Map<String, ComposedMail> mails = contents.of(claimed);
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
            sending.add(connections.submit(() -> sendOverOneConnection(batch, mails)));
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

    /**
     * Sends a batch over one connection and records each message's outcome as soon as the server answered it: a
     * crash can then leave at most the one message being acknowledged unrecorded (sent again after the lease),
     * not the whole batch.
     */
    private void sendOverOneConnection(List<Notification> batch, Map<String, ComposedMail> mails) {
        List<Notification> sendable = new ArrayList<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (Notification notification : batch) {
            ComposedMail mail = notification.heldMail().orElseGet(() -> mails.get(notification.mailId()));
            if (mail == null) {
                record(notification, "its e-mail " + notification.mailId() + " is not in the store");
                continue;
            }
            try {
                messages.add(toMessage(notification, mail));
                sendable.add(notification);
            }
            catch (MessagingException | RuntimeException e) {
                record(notification, "could not build the message: " + e.getMessage());
            }
        }
        if (sendable.isEmpty()) {
            return;
        }
        if (!(mailSender instanceof JavaMailSenderImpl smtp)) {
            for (int i = 0; i < messages.size(); i++) {
                sendAlone(sendable.get(i), messages.get(i));
            }
            return;
        }
        Transport transport;
        try {
            transport = connect(smtp);
        }
        catch (MessagingException e) {
            smtpUnreachable = true;
            sendable.forEach(n -> record(n, "cannot connect to the SMTP server: " + describe(e)));
            return;
        }
        try {
            for (int i = 0; i < messages.size(); i++) {
                MimeMessage message = messages.get(i);
                if (!clock.instant().plus(properties.claimLease().dividedBy(3)).isBefore(sendable.get(i).claimedUntil())) {
                    // a slow server: what is left goes out on a later claim rather than after the lease ran out,
                    // when another sender may already have it
                    dueAt(sendable.get(i).claimedUntil());
                    return;
                }
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                    record(sendable.get(i), null);
                }
                catch (MessagingException e) {
                    record(sendable.get(i), describe(e));
                    if (!transport.isConnected()) {
                        smtpUnreachable = true;
                        sendable.subList(i + 1, sendable.size())
                                .forEach(n -> record(n, "the SMTP connection was lost: " + describe(e)));
                        return;
                    }
                }
            }
        }
        finally {
            try {
                transport.close();
            }
            catch (MessagingException e) {
                log.debug("Closing the SMTP connection failed: {}", e.toString());
            }
        }
    }

    private void sendAlone(Notification notification, MimeMessage message) {
        try {
            mailSender.send(message);
            record(notification, null);
        }
        catch (MailException e) {
            record(notification, describe(e));
        }
    }

    private static Transport connect(JavaMailSenderImpl smtp) throws MessagingException {
        String username = smtp.getUsername();
        String password = smtp.getPassword();
        if (username != null && username.isEmpty()) {
            username = null;
            password = password == null || password.isEmpty() ? null : password;
        }
        Transport transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
        transport.connect(smtp.getHost(), smtp.getPort(), username, password);
        return transport;
    }

    /**
     * While the SMTP server is unreachable, tries a connection every probe interval; when one succeeds, every
     * e-mail waiting for its back-off is due at once: the queue drains seconds after the server is back, not after
     * the longest back-off.
     */
    void probeSmtpIfItWasDown() {
        if (!smtpUnreachable || System.nanoTime() - lastProbe < properties.probeInterval().toNanos()) {
            return;
        }
        lastProbe = System.nanoTime();
        if (mailSender instanceof JavaMailSenderImpl smtp) {
            try {
                connect(smtp).close();
            }
            catch (MessagingException e) {
                return;
            }
        }
        smtpUnreachable = false;
        Instant now = clock.instant();
        long due = mongo.updateMulti(new Query(Criteria.where("status").is(DeliveryStatus.PENDING.name())
                        .and("attempts").gt(0).and("nextAttemptAt").gt(now)),
                new Update().set("nextAttemptAt", now), Notification.class).getModifiedCount();
        scans.forget();
        log.info("The SMTP server answers again: {} e-mails waiting for a retry are due now", due);
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
    }

    /**
     * Marks the outcome on a fresh copy (the claim bumped the version). Once the server took a message its record
     * must be written, or the message goes out again: while the store is away, this keeps trying for a while.
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
                    return; // an earlier try was written before its answer was lost
                }
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
                    dueAt(current.nextAttemptAt());
                }
                String outcome = current.status() == DeliveryStatus.PENDING ? "retrying"
                        : current.status().name().toLowerCase(java.util.Locale.ROOT);
                meters.counter("cfp.emails", "outcome", outcome).increment();
                return;
            }
            catch (DataAccessResourceFailureException | UncategorizedMongoDbException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                log.warn("Cannot record e-mail {} to {} yet, trying again: {}", notification.kind(),
                        notification.recipient(), e.toString());
                pause();
                // the copy in memory holds the outcome the store may not have: only the stored one tells
                current = null;
            }
        }
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

    private MimeMessage toMessage(Notification notification, ComposedMail stored) throws MessagingException {
        ComposedMail mail = stored.opened(sealedTokens, notification.proposalId());
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
        message.setSentDate(java.util.Date.from(clock.instant()));
        // for the organizer's mail filters and support: which proposal and which step this e-mail is about
        message.setHeader("X-CfP-Proposal", notification.proposalId());
        message.setHeader("X-CfP-Kind", notification.kind().name());
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
                    probeSmtpIfItWasDown();
                    deliverDue();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException e) {
                // what the failed run had taken from the fresh queue is found again by the next scan, at once, and
                // what it had claimed but not sent when its lease runs out
                scans.forget();
                leasesKnown = false;
                log.warn("Delivery run failed, trying again: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        if (connections.isShutdown()) {
            connections = newConnections();
        }
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
