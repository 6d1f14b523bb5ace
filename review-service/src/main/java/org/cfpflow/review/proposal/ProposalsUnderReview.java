package org.cfpflow.review.proposal;

import java.util.List;

import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalDeclined;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.Aggregates;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.springframework.stereotype.Component;

/**
 * This service's own view of the proposals, kept from {@code cfp.proposals} and {@code cfp.schedule}. A poll's
 * events are applied to one read of the proposals they are about and saved in one write.
 */
@Component
class ProposalsUnderReview implements CfpEventHandler {

    private final Aggregates aggregates;

    ProposalsUnderReview(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<ReceivedEvent> events) {
        aggregates.applyAll(ProposalUnderReview.class, events.stream().filter(ProposalsUnderReview::relevant).toList(),
                event -> new ProposalUnderReview(event.subject()),
                (proposal, event) -> proposal.apply(event.payload()));
    }

    private static boolean relevant(ReceivedEvent event) {
        Object payload = event.payload();
        return payload instanceof ProposalSubmitted || payload instanceof ProposalUpdated
                || payload instanceof ProposalWithdrawn || payload instanceof ProposalDeclined
                || payload instanceof TalkScheduled
                || payload instanceof TalkRescheduled || payload instanceof TalkUnscheduled
                || payload instanceof TalkWaitlisted;
    }
}
