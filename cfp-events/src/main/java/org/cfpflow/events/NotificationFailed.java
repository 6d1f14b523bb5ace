package org.cfpflow.events;

import java.time.Instant;

/** An e-mail could not be delivered after every retry. */
public record NotificationFailed(String notificationId, String proposalId, String recipient, String kind,
                                 int attempts, String error, Instant failedAt) implements CfpEvent {

    public NotificationFailed {
        Require.text(notificationId, "notificationId");
        Require.text(proposalId, "proposalId");
        Require.text(recipient, "recipient");
        Require.text(kind, "kind");
        Require.present(failedAt, "failedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
