package org.cfpflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

final class GreenMailMailbox implements Mailbox {

    private final Supplier<GreenMail> current;
    private final List<ReceivedMail> fromStoppedServers = new CopyOnWriteArrayList<>();
    /** Each stored message parsed once: a test module's servers hold thousands, and tests poll them often. */
    private final Map<MimeMessage, ReceivedMail> parsed = Collections.synchronizedMap(new WeakHashMap<>());

    GreenMailMailbox(Supplier<GreenMail> current) {
        this.current = current;
    }

    /** Keeps what a server received before it is stopped (a new one starts empty). */
    void keep(GreenMail stopping) {
        Arrays.stream(stopping.getReceivedMessages()).map(this::parse).forEach(fromStoppedServers::add);
    }

    @Override
    public List<ReceivedMail> messages() {
        List<ReceivedMail> all = new ArrayList<>(fromStoppedServers);
        Arrays.stream(current.get().getReceivedMessages()).map(this::parse).forEach(all::add);
        return all;
    }

    private ReceivedMail parse(MimeMessage message) {
        return parsed.computeIfAbsent(message, GreenMailMailbox::toMail);
    }

    private static ReceivedMail toMail(MimeMessage message) {
        try {
            Parts parts = new Parts();
            parts.collect(message);
            Address[] from = message.getFrom();
            // GreenMail stores one copy per RCPT TO: the envelope recipient is the one that counts
            List<String> to = Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
            return new ReceivedMail(from == null || from.length == 0 ? null : from[0].toString(), to,
                    message.getSubject(), parts.text, parts.html, parts.attachments);
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
