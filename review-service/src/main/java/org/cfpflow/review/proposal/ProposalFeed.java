package org.cfpflow.review.proposal;

import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.springframework.stereotype.Component;

/** This service's own view of the proposals, kept from {@code cfp.proposals} and {@code cfp.schedule}. */
@Component
class ProposalFeed implements CfpEventHandler {

    private final ProposalUnderReviewRepository proposals;

    ProposalFeed(ProposalUnderReviewRepository proposals) {
        this.proposals = proposals;
    }

    @Override
    public void handle(ReceivedEvent event) {
        Object payload = event.payload();
        boolean relevant = payload instanceof ProposalSubmitted || payload instanceof ProposalUpdated
                || payload instanceof ProposalWithdrawn || payload instanceof TalkScheduled
                || payload instanceof TalkRescheduled || payload instanceof TalkUnscheduled
                || payload instanceof TalkWaitlisted;
        if (!relevant) {
            return;
        }
        ProposalUnderReview proposal = proposals.findById(event.subject())
                .orElseGet(() -> new ProposalUnderReview(event.subject()));
        if (proposal.markHandled(event.id()) && proposal.apply(event.payload())) {
            proposals.save(proposal);
        }
    }
}
