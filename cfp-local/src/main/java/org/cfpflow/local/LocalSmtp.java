package org.cfpflow.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

/**
 * The local run's SMTP server: records every message it accepts in a mailbox file (one line each: time received,
 * Message-ID, recipient, proposal, kind, subject), written before it answers {@code 250}, so that the record
 * survives the server being killed and restarted; and a page listing the newest, each of the newest
 * {@link MailboxMessages#KEPT} opening to its text, HTML and attachments (kept as files, not in memory: memory stays
 * flat however long it runs). The receipt time is what the benchmarks measure against.
 */
public final class LocalSmtp {

    private static final int PAGE_ROWS = 500;

    private LocalSmtp() {
    }

    public static void main(String[] args) throws Exception {
        // Jakarta Mail otherwise looks its stream provider up with a ServiceLoader for every message it reads
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        int smtpPort = args.length > 0 ? Integer.parseInt(args[0]) : 1025;
        int webPort = args.length > 1 ? Integer.parseInt(args[1]) : 8025;
        Path mailbox = Path.of(args.length > 2 ? args[2] : ".cfp/data/mailbox.tsv").toAbsolutePath();
        // this host only unless told otherwise (CFP_BIND_ADDRESS): the mailbox shows every edit link
        String host = args.length > 3 ? args[3] : "127.0.0.1";
        Files.createDirectories(mailbox.getParent());
        OutputStream log = Files.newOutputStream(mailbox, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        MailboxMessages messages = new MailboxMessages(mailbox.resolveSibling("messages"));

        SmtpSink smtp = new SmtpSink(host, smtpPort, (recipients, message) -> {
            StringBuilder lines = new StringBuilder();
            String received = Instant.now().toString();
            for (String to : recipients) {
                lines.append(line(received, message, to));
            }
            synchronized (log) {
                log.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                log.flush();
            }
            String messageId = messageId(message);
            if (messageId != null) {
                messages.keep(messageId, message);
            }
        });

        HttpServer web = HttpServer.create(new InetSocketAddress(host, webPort), 0);
        web.createContext("/messages.tsv", exchange -> respond(exchange, "text/tab-separated-values; charset=utf-8",
                Files.readAllBytes(mailbox)));
        web.createContext("/message", exchange -> {
            String id = query(exchange.getRequestURI().getRawQuery(), "id");
            Optional<byte[]> message = id == null ? Optional.empty() : messages.find(id);
            if (message.isEmpty()) {
                respond(exchange, 404, "text/plain; charset=utf-8", ("No such message among the newest "
                        + MailboxMessages.KEPT).getBytes(StandardCharsets.UTF_8));
            }
            else {
                respond(exchange, "text/html; charset=utf-8",
                        MailboxMessages.page(message.get()).getBytes(StandardCharsets.UTF_8));
            }
        });
        web.createContext("/", exchange -> respond(exchange, "text/html; charset=utf-8",
                page(Files.readAllLines(mailbox, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        web.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop(0);
            try {
                smtp.close();
            }
            catch (IOException e) {
                System.err.println("closing SMTP: " + e);
            }
        }, "smtp-stop"));
        System.out.println("SMTP on " + host + ":" + smtpPort + ", mailbox page on http://" + host + ":" + webPort
                + "/ (file " + mailbox + ")");
        Thread.currentThread().join();
    }

    private static String messageId(byte[] message) throws IOException {
        try {
            return new InternetHeaders(new ByteArrayInputStream(message)).getHeader("Message-ID", null);
        }
        catch (MessagingException e) {
            throw new IOException("unreadable message headers: " + e.getMessage(), e);
        }
    }

    private static String query(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String line(String received, byte[] message, String to) throws IOException {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(message));
            return String.join("\t", received, field(headers.getHeader("Message-ID", null)), field(to),
                    field(headers.getHeader("X-CfP-Proposal", null)), field(headers.getHeader("X-CfP-Kind", null)),
                    field(decode(headers.getHeader("Subject", null)))) + "\n";
        }
        catch (MessagingException e) {
            throw new IOException("unreadable message headers: " + e.getMessage(), e);
        }
    }

    private static String decode(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        }
        catch (UnsupportedEncodingException e) {
            return header;
        }
    }

    private static String field(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
        respond(exchange, 200, type, body);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String page(List<String> lines) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Mailbox</title>"
                + "<meta http-equiv=\"refresh\" content=\"5\"><style>body{font-family:sans-serif;margin:1rem}"
                + "td,th{text-align:left;padding:.2rem .6rem;border-bottom:1px solid #ddd}</style></head><body>"
                + "<h1>Mailbox (" + lines.size() + ")</h1><p>Newest first, at most " + PAGE_ROWS
                + "; every message: <a href=\"/messages.tsv\">messages.tsv</a>. The number opens a message (the newest "
                + MailboxMessages.KEPT + " are kept).</p>"
                + "<table><tr><th>#</th><th>Received</th><th>To</th><th>Kind</th><th>Subject</th></tr>");
        List<String> newest = new ArrayList<>(lines.subList(Math.max(0, lines.size() - PAGE_ROWS), lines.size()));
        for (int i = newest.size() - 1; i >= 0; i--) {
            String[] f = newest.get(i).split("\t", -1);
            if (f.length < 6) {
                continue;
            }
            html.append("<tr><td>").append(f[1].isEmpty() ? Integer.toString(lines.size() - newest.size() + i + 1)
                    : "<a href=\"/message?id=" + escape(URLEncoder.encode(f[1], StandardCharsets.UTF_8)) + "\">"
                    + (lines.size() - newest.size() + i + 1) + "</a>").append("</td><td>")
                    .append(escape(f[0])).append("</td><td>").append(escape(f[2])).append("</td><td>")
                    .append(escape(f[4])).append("</td><td>").append(escape(f[5])).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
