package org.cfpflow.testsupport;

import java.util.List;

/** An e-mail as the SMTP server received it. {@code text} and {@code html} are null where that part is missing. */
public record ReceivedMail(String from, List<String> to, String subject, String text, String html,
                           List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
