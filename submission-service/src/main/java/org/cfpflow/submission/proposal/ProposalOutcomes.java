package org.cfpflow.submission.proposal;

import java.time.Clock;

import org.cfpflow.events.NotificationFailed;
import org.cfpflow.events.NotificationSent;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decisions and schedule changes, so that a speaker sees ACCEPTED, REJECTED, SCHEDULED (with the slot),
 * WAITLISTED; these and the e-mails sent also go into the proposal's timeline.
 */
@Component
class ProposalOutcomes implements CfpEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ProposalOutcomes.class);

    private final ProposalRepository proposals;
    private final Clock clock;

    ProposalOutcomes(ProposalRepository proposals, Clock clock) {
        this.proposals = proposals;
        this.clock = clock;
    }

    @Override
    public void handle(ReceivedEvent event) {
        Object payload = event.payload();
        boolean outcome = payload instanceof ProposalAccepted || payload instanceof ProposalRejected
                || payload instanceof TalkScheduled || payload instanceof TalkRescheduled
                || payload instanceof TalkUnscheduled || payload instanceof TalkWaitlisted;
        boolean notification = payload instanceof NotificationSent || payload instanceof NotificationFailed;
        if (!outcome && !notification) {
            return;
        }
        proposals.findById(event.subject()).ifPresentOrElse(proposal -> {
            if (proposal.markHandled(event.id())) {
                proposal.recordInTimeline(event);
                if (outcome) {
                    proposal.apply(event.payload(), clock.instant());
                }
                proposals.save(proposal);
            }
        }, () -> log.warn("{} {} is about proposal {}, which this service does not know; ignored", event.type(),
                event.id(), event.subject()));
    }
}
