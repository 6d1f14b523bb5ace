package org.cfpflow.events;

import java.time.Instant;

/** An e-mail was handed to the SMTP server. {@code kind} is e.g. {@code ACCEPTED}. */
public record NotificationSent(String notificationId, String proposalId, String recipient, String kind,
                               int attempts, Instant sentAt) implements CfpEvent {

    public NotificationSent {
        Require.text(notificationId, "notificationId");
        Require.text(proposalId, "proposalId");
        Require.text(recipient, "recipient");
        Require.text(kind, "kind");
        Require.present(sentAt, "sentAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
