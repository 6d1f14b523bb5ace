package org.cfpflow.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.cfpflow.messaging.SafetyNetSchedule;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.mail.MailContents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends what is due, on a thread of its own. Each notification is claimed (a lease, taken atomically:
 * {@link Claims}) before it is sent ({@link SmtpConnections}, {@link MimeMessages}), then marked sent or scheduled
 * for a retry, with its event, in one write ({@link Outcomes}). The one window left: a crash after the SMTP server
 * took a message and before the record says so sends that message again when the lease runs out.
 * <p>
 * What it sends: what the intake just created (woken with the ids), what it scheduled itself once that is due
 * ({@link DueTimes}), and, every scan interval in a quiet moment ({@link SafetyNetSchedule}), whatever else the
 * store holds that is due (another replica's claims after it crashed, a backlog past the bounds of the two).
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_FRESH = 100_000;

    private final MailContents contents;
    private final MailProperties properties;
    private final Claims claims;
    private final DueTimes dueTimes = new DueTimes();
    private final SmtpConnections smtp;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Queue<String> fresh = new ConcurrentLinkedQueue<>();
    private final SafetyNetSchedule scans;
    private volatile boolean leasesKnown;
    private volatile Thread worker;
    private volatile boolean running;

    DeliveryWorker(MongoTemplate mongo, MailContents contents, JavaMailSender mailSender, MailProperties properties,
                   Clock clock, MeterRegistry meters, SealedTokens sealedTokens) {
        this.contents = contents;
        this.properties = properties;
        this.clock = clock;
        this.claims = new Claims(mongo, clock, properties);
        this.smtp = new SmtpConnections(mailSender, new MimeMessages(mailSender, properties, clock, sealedTokens),
                new Outcomes(mongo, clock, properties, meters, dueTimes), dueTimes, properties, clock);
        this.scans = new SafetyNetSchedule(properties.scanInterval(), properties.scanQuietPeriod(), System::nanoTime);
    }

    /** New notifications to send now: claimed by id, without searching the whole collection. */
    public void wakeUp(List<String> ids) {
        if (fresh.size() < MAX_FRESH) {
            fresh.addAll(ids);
        }
        else {
            // not queued: the next run searches the store for them rather than the next scan
            scans.forget();
        }
        wakeUps.release();
    }

    /** Mail this worker will not be woken for: sent when due without waiting for the next scan of the store. */
    public void dueAt(Instant when) {
        dueTimes.add(when);
    }

    /** Sends what is due now (see the class); returns how many e-mails it tried. */
    int deliverDue() {
        int attempted = 0;
        List<Notification> claimed;
        while (!(claimed = claims.claim(nextFresh())).isEmpty()) {
            send(claimed);
            attempted += claimed.size();
        }
        if (attempted > 0) {
            scans.active();
        }
        if (scans.due() || dueTimes.takeDue(clock.instant())) {
            long search = scans.searching();
            if (!leasesKnown) {
                // after a restart or a failed run: claims left by it are sent when their lease runs out
                claims.leasesRunningOut().forEach(dueTimes::add);
                leasesKnown = true;
            }
            while (!(claimed = claims.claimDue(batchLimit())).isEmpty()) {
                send(claimed);
                attempted += claimed.size();
            }
            scans.searched(search);
        }
        return attempted;
    }

    private List<String> nextFresh() {
        List<String> ids = new ArrayList<>();
        // the size is checked before polling: an id polled past the limit would be lost until the next scan
        while (ids.size() < batchLimit()) {
            String id = fresh.poll();
            if (id == null) {
                break;
            }
            ids.add(id);
        }
        return ids;
    }

    private int batchLimit() {
        return properties.batchSize() * properties.connections();
    }

    private void send(List<Notification> claimed) {
        List<String> storedApart = claimed.stream().filter(n -> n.composedMail().isEmpty())
                .map(Notification::mailId).toList();
        smtp.send(claimed, contents.of(storedApart));
    }

    /**
     * While the SMTP server is unreachable, tries a connection every probe interval; when one succeeds, every
     * e-mail waiting for its back-off is due at once: the queue drains seconds after the server is back, not after
     * the longest back-off.
     */
    void probeSmtpIfItWasDown() {
        if (smtp.answersAgain()) {
            long due = claims.retriesDueNow();
            scans.forget();
            log.info("The SMTP server answers again: {} e-mails waiting for a retry are due now", due);
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
        smtp.open();
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
        smtp.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
