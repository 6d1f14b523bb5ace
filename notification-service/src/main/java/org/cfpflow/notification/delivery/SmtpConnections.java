package org.cfpflow.notification.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cfpflow.notification.mail.ComposedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends claimed mail over a few SMTP connections in parallel, each carrying a batch, and records each message's
 * outcome as soon as the server answered it. Knows whether the server was unreachable, and tries it again every
 * probe interval until it answers.
 */
final class SmtpConnections {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private final JavaMailSender mailSender;
    private final MimeMessages messages;
    private final Outcomes outcomes;
    private final DueTimes dueTimes;
    private final MailProperties properties;
    private final Clock clock;
    private volatile boolean unreachable;
    private volatile long lastProbe;
    /** The connections' threads: ended by {@link #close()}, made again by {@link #open()}. */
    private volatile ExecutorService threads;

    SmtpConnections(JavaMailSender mailSender, MimeMessages messages, Outcomes outcomes, DueTimes dueTimes,
                    MailProperties properties, Clock clock) {
        this.mailSender = mailSender;
        this.messages = messages;
        this.outcomes = outcomes;
        this.dueTimes = dueTimes;
        this.properties = properties;
        this.clock = clock;
        open();
    }

    void open() {
        if (threads == null || threads.isShutdown()) {
            threads = Executors.newFixedThreadPool(Math.max(1, properties.connections()), runnable -> {
                Thread thread = new Thread(runnable, "smtp-connection");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    void close() {
        threads.shutdown();
    }

    /** Sends the claimed notifications' e-mails ({@code mails}: those stored apart, by mail id), spread over the connections. */
    void send(List<Notification> claimed, Map<String, ComposedMail> mails) {
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
            sending.add(threads.submit(() -> sendOverOneConnection(batch, mails)));
        }
        for (Future<?> future : sending) {
            try {
                future.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (ExecutionException e) {
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
        List<MimeMessage> built = new ArrayList<>();
        for (Notification notification : batch) {
            ComposedMail mail = notification.composedMail().orElseGet(() -> mails.get(notification.mailId()));
            if (mail == null) {
                outcomes.failed(notification, "its e-mail " + notification.mailId() + " is not in the store");
                continue;
            }
            try {
                built.add(messages.of(notification, mail));
                sendable.add(notification);
            }
            catch (MessagingException | RuntimeException e) {
                outcomes.failed(notification, "could not build the message: " + e.getMessage());
            }
        }
        if (sendable.isEmpty()) {
            return;
        }
        if (!(mailSender instanceof JavaMailSenderImpl smtp)) {
            for (int i = 0; i < built.size(); i++) {
                sendAlone(sendable.get(i), built.get(i));
            }
            return;
        }
        Transport transport;
        try {
            transport = connect(smtp);
        }
        catch (MessagingException e) {
            unreachable = true;
            sendable.forEach(n -> outcomes.failed(n, "cannot connect to the SMTP server: " + describe(e)));
            return;
        }
        try {
            sendAll(transport, sendable, built);
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

    private void sendAll(Transport transport, List<Notification> sendable, List<MimeMessage> built) {
        for (int i = 0; i < built.size(); i++) {
            Notification notification = sendable.get(i);
            if (!clock.instant().plus(properties.claimLease().dividedBy(3)).isBefore(notification.claimedUntil())) {
                // a slow server: what is left goes out on a later claim rather than after the lease ran out, when
                // another sender may already have it
                dueTimes.add(notification.claimedUntil());
                return;
            }
            MimeMessage message = built.get(i);
            try {
                transport.sendMessage(message, message.getAllRecipients());
                outcomes.sent(notification);
            }
            catch (MessagingException e) {
                outcomes.failed(notification, describe(e));
                if (!transport.isConnected()) {
                    unreachable = true;
                    sendable.subList(i + 1, sendable.size())
                            .forEach(n -> outcomes.failed(n, "the SMTP connection was lost: " + describe(e)));
                    return;
                }
            }
        }
    }

    private void sendAlone(Notification notification, MimeMessage message) {
        try {
            mailSender.send(message);
            outcomes.sent(notification);
        }
        catch (MailException e) {
            outcomes.failed(notification, describe(e));
        }
    }

    /**
     * Whether a server found unreachable answers again: tried at most every probe interval. False while it was
     * not found unreachable.
     */
    boolean answersAgain() {
        if (!unreachable || System.nanoTime() - lastProbe < properties.probeInterval().toNanos()) {
            return false;
        }
        lastProbe = System.nanoTime();
        if (mailSender instanceof JavaMailSenderImpl smtp) {
            try {
                connect(smtp).close();
            }
            catch (MessagingException e) {
                return false;
            }
        }
        unreachable = false;
        return true;
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

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
    }
}
