package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The local mailbox keeps the newest messages and shows each: its text, its HTML sandboxed, its attachments named. */
class MailboxMessagesTest {

    @TempDir
    Path directory;

    @Test
    void aKeptMessageShowsItsTextHtmlAndAttachmentsWithEveryTextEscaped() throws Exception {
        MailboxMessages messages = new MailboxMessages(directory);
        messages.keep("<1@cfp>", message("<1@cfp>", "Your talk <b>“Live”</b> is scheduled"));

        String page = MailboxMessages.page(messages.find("<1@cfp>").orElseThrow());

        assertThat(page).contains("<title>Your talk &lt;b&gt;“Live”&lt;/b&gt; is scheduled</title>")
                .contains("<pre>Dear &lt;script&gt;alert(1)&lt;/script&gt;,")
                .contains("<iframe title=\"The message's HTML part\" sandbox srcdoc=\"&lt;p&gt;Dear "
                        + "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&lt;/p&gt;\"></iframe>")
                .contains("<li>talk.ics (text/calendar, 15 bytes)</li>")
                .contains("speaker@example.org")
                .doesNotContain("<script>");
        assertThat(messages.find("<unknown@cfp>")).isEmpty();
    }

    @Test
    void onlyTheNewestAreKeptAcrossRestarts() throws Exception {
        MailboxMessages messages = new MailboxMessages(directory);
        for (int i = 0; i <= MailboxMessages.KEPT; i++) {
            messages.keep("<" + i + "@cfp>", ("Subject: " + i + "\r\n\r\nbody").getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(messages.find("<0@cfp>")).as("the eldest made room").isEmpty();
        assertThat(messages.find("<1@cfp>")).isPresent();

        MailboxMessages restarted = new MailboxMessages(directory);
        restarted.keep("<new@cfp>", "Subject: new\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));
        assertThat(restarted.find("<new@cfp>")).isPresent();
        assertThat(directory.toFile().list()).hasSize(MailboxMessages.KEPT);
    }

    private static byte[] message(String id, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        message.setFrom(new InternetAddress("cfp@localhost"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "speaker@example.org");
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Dear <script>alert(1)</script>,", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Dear &lt;script&gt;alert(1)&lt;/script&gt;</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart ics = new MimeBodyPart();
        ics.setContent("BEGIN:VCALENDAR", "text/calendar; charset=UTF-8");
        ics.setFileName("talk.ics");
        message.setContent(new MimeMultipart("mixed", body, ics));
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
