package org.cfpflow.events;

import java.time.Instant;

/** An e-mail could not be delivered after every retry. */
public record NotificationFailed(String conferenceId, String notificationId, String proposalId, String recipient, String kind,
                                 int attempts, String error, Instant failedAt) implements CfpEvent {

    /** What an SMTP server says may be long: {@link Text#clipped} fits it to this. */
    public static final int ERROR_LENGTH = 2_000;

    public NotificationFailed {
        Require.conferenceId(conferenceId);
        Require.line(notificationId, "notificationId", 500);
        Require.line(proposalId, "proposalId", 100);
        Require.email(recipient, "recipient");
        Require.line(kind, "kind", 32);
        Require.optionalText(error, "error", ERROR_LENGTH);
        Require.present(failedAt, "failedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
