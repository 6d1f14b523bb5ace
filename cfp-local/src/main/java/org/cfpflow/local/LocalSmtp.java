package org.cfpflow.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** An SMTP server that keeps what it receives, and a page listing it: the demo's mailbox. */
public final class LocalSmtp {

    private LocalSmtp() {
    }

    public static void main(String[] args) throws Exception {
        int smtpPort = args.length > 0 ? Integer.parseInt(args[0]) : 1025;
        int webPort = args.length > 1 ? Integer.parseInt(args[1]) : 8025;
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        web.createContext("/", exchange -> {
            byte[] page = page(greenMail.getReceivedMessages()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        web.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop(0);
            greenMail.stop();
        }, "smtp-stop"));
        System.out.println("SMTP on 127.0.0.1:" + smtpPort + ", mailbox page on http://127.0.0.1:" + webPort + "/");
        Thread.currentThread().join();
    }

    private static String page(MimeMessage[] messages) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Mailbox</title>"
                + "<meta http-equiv=\"refresh\" content=\"5\"><style>body{font-family:sans-serif;margin:1rem}"
                + "td,th{text-align:left;padding:.2rem .6rem;border-bottom:1px solid #ddd}</style></head><body>"
                + "<h1>Mailbox (" + messages.length + ")</h1><table><tr><th>#</th><th>To</th><th>Subject</th></tr>");
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                StringBuilder to = new StringBuilder();
                for (Address address : messages[i].getAllRecipients()) {
                    to.append(address).append(' ');
                }
                html.append("<tr><td>").append(i + 1).append("</td><td>").append(escape(to.toString().strip()))
                        .append("</td><td>").append(escape(messages[i].getSubject())).append("</td></tr>");
            }
            catch (MessagingException e) {
                html.append("<tr><td colspan=3>unreadable message</td></tr>");
            }
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
