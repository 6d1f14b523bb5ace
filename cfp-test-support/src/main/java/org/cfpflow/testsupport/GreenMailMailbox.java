package org.cfpflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

final class GreenMailMailbox implements Mailbox {

    private final GreenMail greenMail;

    GreenMailMailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    @Override
    public List<ReceivedMail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(GreenMailMailbox::toMail).toList();
    }

    private static ReceivedMail toMail(MimeMessage message) {
        try {
            Parts parts = new Parts();
            parts.collect(message);
            Address[] from = message.getFrom();
            // GreenMail stores one copy per RCPT TO: the envelope recipient is the one that counts
            List<String> to = Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
            return new ReceivedMail(from == null || from.length == 0 ? null : from[0].toString(), to,
                    message.getHeader("Subject", null), parts.text, parts.html, parts.attachments);
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Parts {

        private String text;
        private String html;
        private final List<ReceivedMail.Attachment> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
            else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(new ReceivedMail.Attachment(part.getFileName(), part.getContentType(),
                        part.getInputStream().readAllBytes()));
            }
            else if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            }
            else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            }
        }
    }
}
