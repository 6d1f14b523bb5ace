package org.cfpflow.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.mail.ComposedMail;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The MIME message of a notification's e-mail: text and HTML alternatives, attachments, headers for organizers'
 * filters, and a Message-ID derived from the notification so that a resend is recognised as the same message.
 */
final class MimeMessages {

    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final Clock clock;
    /** Opens a speaker's edit token into their receipt only as it is sent: no store holds it in the clear. */
    private final SealedTokens sealedTokens;

    MimeMessages(JavaMailSender mailSender, MailProperties properties, Clock clock, SealedTokens sealedTokens) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.sealedTokens = sealedTokens;
    }

    MimeMessage of(Notification notification, ComposedMail stored) throws MessagingException {
        ComposedMail mail = stored.opened(sealedTokens, notification.proposalId());
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(notification.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        for (ComposedMail.Attachment attachment : mail.attachments()) {
            helper.addAttachment(attachment.fileName(),
                    new ByteArrayResource(attachment.content().getBytes(StandardCharsets.UTF_8)),
                    attachment.contentType());
        }
        message.setSentDate(Date.from(clock.instant()));
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
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
