package org.cfpflow.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The newest messages the local SMTP server took ({@link #KEPT} at most), each a file named by its Message-ID's
 * hash, and the page that shows one: its text, its HTML (in a sandboxed frame: no script, no requests), the names of
 * its attachments. On disk, not in memory, and only the newest: a benchmark's hundred thousand e-mails leave a
 * thousand files.
 */
final class MailboxMessages {

    static final int KEPT = 1_000;

    private final Path directory;
    private final ArrayDeque<Path> kept = new ArrayDeque<>();

    MailboxMessages(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(MailboxMessages::modified)).forEach(kept::add);
        }
        trim();
    }

    /** Keeps the message; the eldest goes once more than {@link #KEPT} are kept. */
    synchronized void keep(String messageId, byte[] message) throws IOException {
        Path file = directory.resolve(fileName(messageId));
        Files.write(file, message);
        kept.remove(file);
        kept.add(file);
        trim();
    }

    Optional<byte[]> find(String messageId) throws IOException {
        Path file = directory.resolve(fileName(messageId));
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    private void trim() throws IOException {
        while (kept.size() > KEPT) {
            Files.deleteIfExists(kept.removeFirst());
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(String messageId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8))) + ".eml";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JVM", e);
        }
    }

    /** One message as a page; every text in it escaped, its HTML only inside a sandboxed frame. */
    static String page(byte[] raw) throws IOException {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            Parts parts = new Parts();
            parts.collect(message);
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>" + LocalSmtp.escape(subject(message)) + "</title><style>body{font-family:sans-serif;margin:1rem;"
                    + "max-width:60rem}pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem}iframe{width:100%;"
                    + "height:32rem;border:1px solid #ccc}dt{font-weight:bold}</style></head><body>"
                    + "<p><a href=\"/\">← Mailbox</a></p><h1>" + LocalSmtp.escape(subject(message)) + "</h1><dl>");
            header(html, "From", message.getHeader("From", ", "));
            header(html, "To", message.getHeader("To", ", "));
            header(html, "Date", message.getHeader("Date", null));
            html.append("</dl>");
            if (parts.text != null) {
                html.append("<h2>Text</h2><pre>").append(LocalSmtp.escape(parts.text)).append("</pre>");
            }
            if (parts.html != null) {
                // sandboxed: its links and styles show, nothing in it runs or reaches this page
                html.append("<h2>HTML</h2><iframe title=\"The message's HTML part\" sandbox srcdoc=\"")
                        .append(LocalSmtp.escape(parts.html)).append("\"></iframe>");
            }
            html.append("<h2>Attachments</h2>");
            if (parts.attachments.isEmpty()) {
                html.append("<p>None.</p>");
            }
            else {
                html.append("<ul>");
                parts.attachments.forEach(a -> html.append("<li>").append(LocalSmtp.escape(a)).append("</li>"));
                html.append("</ul>");
            }
            return html.append("</body></html>").toString();
        }
        catch (MessagingException e) {
            throw new IOException("unreadable message: " + e.getMessage(), e);
        }
    }

    private static String subject(MimeMessage message) throws MessagingException {
        return message.getSubject() == null ? "(no subject)" : message.getSubject();
    }

    private static void header(StringBuilder html, String name, String value) {
        html.append("<dt>").append(name).append("</dt><dd>").append(LocalSmtp.escape(value == null ? "" : value)).append("</dd>");
    }

    /** The first text and HTML parts and every attachment, however deep in the multiparts. */
    private static final class Parts {

        private String text;
        private String html;
        private final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body);
                }
            }
            else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add((part.getFileName() == null ? "(unnamed)" : part.getFileName()) + " ("
                        + part.getContentType().split(";")[0].strip() + ", " + size(part) + " bytes)");
            }
            else if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            }
            else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }

        private static int size(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes().length;
            }
        }
    }
}
