package org.cfpflow.notification.delivery;

import java.util.Map;
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
    SUBMITTED, UPDATED, WITHDRAWN, ACCEPTED, REJECTED, SCHEDULED, RESCHEDULED, UNSCHEDULED, WAITLISTED,
    /** Sent later, not by an event of its own: to accepted speakers who have neither confirmed nor declined. */
    CONFIRM_REMINDER,
    /** One per speaker and release, with all that the release changed in their talks. */
    RELEASED;

    private static final Map<Class<? extends CfpEvent>, NotificationKind> BY_EVENT = Map.of(
            ProposalSubmitted.class, SUBMITTED, ProposalUpdated.class, UPDATED, ProposalWithdrawn.class, WITHDRAWN,
            ProposalAccepted.class, ACCEPTED, ProposalRejected.class, REJECTED, TalkScheduled.class, SCHEDULED,
            TalkRescheduled.class, RESCHEDULED, TalkUnscheduled.class, UNSCHEDULED, TalkWaitlisted.class, WAITLISTED);

    public static Optional<NotificationKind> of(CfpEvent event) {
        return Optional.ofNullable(BY_EVENT.get(event.getClass()));
    }

    public String template() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
