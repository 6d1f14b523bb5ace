package org.cfpflow.testsupport;

import java.util.List;

/** Everything the test SMTP server has received. */
public interface Mailbox {

    List<ReceivedMail> messages();

    default List<ReceivedMail> to(String recipient) {
        return messages().stream().filter(mail -> mail.to().contains(recipient)).toList();
    }
}
