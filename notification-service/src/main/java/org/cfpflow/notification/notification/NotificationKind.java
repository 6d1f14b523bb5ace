package org.cfpflow.notification.notification;

import java.util.Optional;

import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;

/** What an e-mail is about; one template each. */
public enum NotificationKind {
    SUBMITTED, UPDATED, WITHDRAWN, ACCEPTED, REJECTED, SCHEDULED, RESCHEDULED, UNSCHEDULED, WAITLISTED;

    static Optional<NotificationKind> of(CfpEvent event) {
        NotificationKind kind = null;
        if (event instanceof ProposalSubmitted) {
            kind = SUBMITTED;
        }
        else if (event instanceof ProposalUpdated) {
            kind = UPDATED;
        }
        else if (event instanceof ProposalWithdrawn) {
            kind = WITHDRAWN;
        }
        else if (event instanceof ProposalAccepted) {
            kind = ACCEPTED;
        }
        else if (event instanceof ProposalRejected) {
            kind = REJECTED;
        }
        else if (event instanceof TalkScheduled) {
            kind = SCHEDULED;
        }
        else if (event instanceof TalkRescheduled) {
            kind = RESCHEDULED;
        }
        else if (event instanceof TalkUnscheduled) {
            kind = UNSCHEDULED;
        }
        else if (event instanceof TalkWaitlisted) {
            kind = WAITLISTED;
        }
        return Optional.ofNullable(kind);
    }

    String template() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
