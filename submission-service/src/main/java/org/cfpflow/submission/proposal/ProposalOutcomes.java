package org.cfpflow.submission.proposal;

import java.time.Clock;
import java.util.List;

import org.cfpflow.events.NotificationFailed;
import org.cfpflow.events.NotificationSent;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.Aggregates;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decisions and schedule changes, so that a speaker sees ACCEPTED, REJECTED, SCHEDULED (with the slot),
 * WAITLISTED; these and the e-mails sent also go into the proposal's timeline. A poll's outcomes are applied to one
 * read of the proposals they are about and saved in one write; its e-mails sent are appended in one more.
 */
@Component
class ProposalOutcomes implements CfpEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ProposalOutcomes.class);

    private final Aggregates aggregates;
    private final Clock clock;

    ProposalOutcomes(Aggregates aggregates, Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<ReceivedEvent> events) {
        // e-mails sent only add to the timeline: appended without reading the proposals
        aggregates.appendAll(Proposal.class, events.stream().filter(ProposalOutcomes::isNotification).toList(),
                "timeline", TimelineEntry::of).forEach(this::unknown);
        aggregates.applyAll(Proposal.class, events.stream().filter(ProposalOutcomes::isOutcome).toList(),
                this::unknown, (proposal, event) -> {
                    proposal.recordInTimeline(event);
                    proposal.apply(event.payload(), clock.instant());
                    return true;
                });
    }

    private Proposal unknown(ReceivedEvent event) {
        log.warn("{} {} is about proposal {}, which this service does not know; ignored", event.type(), event.id(),
                event.subject());
        return null;
    }

    private static boolean isOutcome(ReceivedEvent event) {
        Object payload = event.payload();
        return payload instanceof ProposalAccepted || payload instanceof ProposalRejected
                || payload instanceof TalkScheduled || payload instanceof TalkRescheduled
                || payload instanceof TalkUnscheduled || payload instanceof TalkWaitlisted;
    }

    private static boolean isNotification(ReceivedEvent event) {
        return event.payload() instanceof NotificationSent || event.payload() instanceof NotificationFailed;
    }
}
