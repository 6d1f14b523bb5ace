package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The local run's SMTP server, spoken to by Jakarta Mail the way the notification-service speaks to it. */
class SmtpSinkTest {

    record Received(List<String> recipients, MimeMessage message) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Test
    void acceptsMessagesOverOneConnectionAndHandsEachOverBeforeAnswering() throws Exception {
        int port = freePort();
        try (SmtpSink sink = new SmtpSink("127.0.0.1", port, (recipients, bytes) -> received.add(
                new Received(recipients, parse(bytes))))) {
            Session session = Session.getInstance(properties(port));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < 3; i++) {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom("cfp@localhost");
                    message.setRecipients(Message.RecipientType.TO, "ada" + i + "@example.org, grace@example.org");
                    message.setSubject("Ünïcode subject #" + i, "UTF-8");
                    message.setText("first line\n.a line that starts with a dot\n.\nlast line", "UTF-8");
                    message.setHeader("X-CfP-Kind", "SUBMITTED");
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
        }

        assertThat(received).hasSize(3);
        assertThat(received.get(2).recipients()).containsExactly("ada2@example.org", "grace@example.org");
        MimeMessage last = received.get(2).message();
        assertThat(last.getSubject()).isEqualTo("Ünïcode subject #2");
        assertThat(last.getHeader("X-CfP-Kind", null)).isEqualTo("SUBMITTED");
        // the line break before the final dot belongs to the last line (RFC 5321 4.1.1.4)
        assertThat(((String) last.getContent()).replace("\r\n", "\n").stripTrailing())
                .isEqualTo("first line\n.a line that starts with a dot\n.\nlast line");
    }

    @Test
    void aMessageItCannotKeepIsRefusedNotAcknowledged() throws Exception {
        int port = freePort();
        try (SmtpSink sink = new SmtpSink("127.0.0.1", port, (recipients, bytes) -> {
            throw new IOException("disk full");
        })) {
            Session session = Session.getInstance(properties(port));
            MimeMessage message = new MimeMessage(session);
            message.setFrom("cfp@localhost");
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.org"));
            message.setText("hello", StandardCharsets.UTF_8.name());
            assertThatThrownBy(() -> Transport.send(message)).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("451");
        }
    }

    /** Past the size the EHLO answer announces, a message is refused with 552, not cut short and acknowledged. */
    @Test
    void aMessageLargerThanItsSizeLimitIsRefusedNotCutShort() throws Exception {
        int port = freePort();
        try (SmtpSink sink = new SmtpSink("127.0.0.1", port, (recipients, bytes) -> received.add(
                new Received(recipients, parse(bytes))))) {
            Session session = Session.getInstance(properties(port));
            MimeMessage message = new MimeMessage(session);
            message.setFrom("cfp@localhost");
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.org"));
            String line = "x".repeat(998) + "\n";
            message.setText(line.repeat(11 * 1024), StandardCharsets.US_ASCII.name());
            assertThatThrownBy(() -> Transport.send(message)).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("552");
            assertThat(received).as("nothing kept of it").isEmpty();

            MimeMessage small = new MimeMessage(session);
            small.setFrom("cfp@localhost");
            small.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.org"));
            small.setText("after the refusal", StandardCharsets.UTF_8.name());
            Transport.send(small);
            assertThat(received).hasSize(1);
        }
    }

    private static MimeMessage parse(byte[] bytes) throws IOException {
        try {
            return new MimeMessage(null, new ByteArrayInputStream(bytes));
        }
        catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    private static Properties properties(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.timeout", "5000");
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
