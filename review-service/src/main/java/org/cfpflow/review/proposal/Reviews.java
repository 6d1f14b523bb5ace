package org.cfpflow.review.proposal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.platform.CfpSecurity;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.Roles;
import org.cfpflow.review.conference.Conferences;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reviewing and deciding, with the rules on who may see and do what. */
@Service
public class Reviews {

    public static final Sort OLDEST_FIRST = Sort.by("submittedAt", "_id");
    public static final Sort BEST_FIRST = Sort.by(Sort.Order.desc("meanScore"), Sort.Order.desc("reviewCount"),
            Sort.Order.asc("submittedAt"));

    private final ProposalUnderReviewRepository proposals;
    private final MongoTemplate mongo;
    private final Conferences conferences;
    private final Clock clock;
    private final Counter reviewsGiven;

    Reviews(ProposalUnderReviewRepository proposals, MongoTemplate mongo, Conferences conferences, Clock clock,
            MeterRegistry meters) {
        this.proposals = proposals;
        this.mongo = mongo;
        this.conferences = conferences;
        this.clock = clock;
        this.reviewsGiven = Counter.builder("cfp.reviews").description("Reviews given or replaced").register(meters);
    }

    /** What the caller has not reviewed yet, oldest first; never their own proposals. */
    public Page<ReviewedProposalView> queue(Authentication caller, String track, Pageable pageable) {
        String me = caller.getName().toLowerCase(Locale.ROOT);
        Query query = new Query(Criteria.where("submittedAt").ne(null).and("withdrawn").is(false)
                .and("reviewers").ne(me).and("speakerEmails").ne(me));
        if (track != null && !track.isBlank()) {
            query.addCriteria(Criteria.where("track").is(track));
        }
        return page(query, pageable, isBlindFor(caller), false);
    }

    /**
     * The ranking organizers decide from: the proposals still in the running, best mean score first; as everywhere,
     * none the caller speaks on (a conflict of interest).
     */
    public Page<ReviewedProposalView> ranking(Authentication caller, String track, Pageable pageable) {
        String me = caller.getName().toLowerCase(Locale.ROOT);
        Query query = new Query(Criteria.where("submittedAt").ne(null).and("withdrawn").is(false)
                .and("speakerEmails").ne(me));
        if (track != null && !track.isBlank()) {
            query.addCriteria(Criteria.where("track").is(track));
        }
        return page(query, pageable, isBlindFor(caller), false);
    }

    public ReviewedProposalView proposal(String id, Authentication caller) {
        ProposalUnderReview proposal = known(id);
        refuseSpeaker(proposal, caller, "see the reviews of");
        return ReviewedProposalView.of(proposal, isBlindFor(caller), true);
    }

    public ReviewedProposalView review(String id, Authentication caller, ReviewRequest request) {
        request.validate();
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        ReviewedProposalView reviewed = change(id, caller, "review", proposal ->
                proposal.review(caller.getName(), request.score(), comment, clock.instant()));
        reviewsGiven.increment();
        return reviewed;
    }

    public ReviewedProposalView decide(String id, Authentication caller, DecisionRequest request) {
        Outcome outcome = request.outcome();
        return change(id, caller, "decide on", proposal -> {
            if (proposal.scheduled() && proposal.decision() != outcome) {
                throw Problems.conflict("The talk is scheduled already; its decision can no longer change",
                        Map.of("decision", String.valueOf(proposal.decision())));
            }
            proposal.decide(outcome, request.noteOrNull(), caller.getName(), clock.instant());
        });
    }

    public boolean isBlindFor(Authentication caller) {
        return conferences.current().blindReview() && !CfpSecurity.hasRole(caller, Roles.ORGANIZER);
    }

    private ReviewedProposalView change(String id, Authentication caller, String action,
                                        Consumer<ProposalUnderReview> change) {
        return OptimisticRetry.retry(() -> {
            ProposalUnderReview proposal = known(id);
            if (proposal.withdrawn()) {
                throw Problems.conflict("Proposal " + id + " was withdrawn by its speakers");
            }
            refuseSpeaker(proposal, caller, action);
            change.accept(proposal);
            return ReviewedProposalView.of(proposals.save(proposal), isBlindFor(caller), true);
        });
    }

    private ProposalUnderReview known(String id) {
        return proposals.findById(id).filter(ProposalUnderReview::isKnown)
                .orElseThrow(() -> Problems.notFound("No proposal " + id));
    }

    private static void refuseSpeaker(ProposalUnderReview proposal, Authentication caller, String action) {
        if (proposal.isSpeaker(caller.getName())) {
            throw Problems.forbidden("Conflict of interest: you are a speaker of this proposal and cannot " + action
                    + " it");
        }
    }

    private Page<ReviewedProposalView> page(Query query, Pageable pageable, boolean blind, boolean withReviews) {
        long total = mongo.count(query, ProposalUnderReview.class);
        List<ReviewedProposalView> content = mongo.find(query.with(pageable), ProposalUnderReview.class).stream()
                .map(p -> ReviewedProposalView.of(p, blind, withReviews)).toList();
        return new PageImpl<>(content, pageable, total);
    }
}
