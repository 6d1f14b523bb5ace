package org.cfpflow.notification.mail;

import java.util.List;

/** An e-mail ready to send: stored once for its notification, so that every retry sends the same. */
public record ComposedMail(String subject, String text, String html, List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, String content) {
    }
}
