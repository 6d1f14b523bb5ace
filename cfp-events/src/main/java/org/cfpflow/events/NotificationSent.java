package org.cfpflow.events;

import java.time.Instant;

/** An e-mail was handed to the SMTP server. {@code kind} is e.g. {@code ACCEPTED}. */
public record NotificationSent(String conferenceId, String notificationId, String proposalId, String recipient, String kind,
                               int attempts, Instant sentAt) implements CfpEvent {

    public NotificationSent {
        Require.conferenceId(conferenceId);
        Require.line(notificationId, "notificationId", 500);
        Require.line(proposalId, "proposalId", 100);
        Require.email(recipient, "recipient");
        Require.line(kind, "kind", 32);
        Require.present(sentAt, "sentAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
