package org.cfpflow.review.proposal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.cfpflow.events.TeamRole;
import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.TeamAccess;
import org.cfpflow.platform.Violations;
import org.cfpflow.review.conference.Conference;
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

    /**
     * What the caller has not reviewed yet of a conference, oldest first: of the tracks they review (all, for an
     * organizer or a reviewer of every track); never their own proposals.
     */
    public Page<ReviewedProposalView> queue(String conferenceId, Authentication caller, String track, String search,
                                            Pageable pageable) {
        Conference conference = conference(conferenceId);
        String me = caller.getName().toLowerCase(Locale.ROOT);
        Query query = new Query(titled(inTracks(conference, caller, track, TeamRole.REVIEWER), search)
                .and("submittedAt").ne(null).and("withdrawn").is(false).and("reviewers").ne(me)
                .and("speakerEmails").ne(me));
        return page(query, pageable, isBlindFor(caller, conference), false);
    }

    /** How far the caller is: of the proposals in their tracks still in the running (none of their own), how many they reviewed. */
    public Progress progress(String conferenceId, Authentication caller, String track) {
        Conference conference = conference(conferenceId);
        String me = caller.getName().toLowerCase(Locale.ROOT);
        Criteria candidates = inTracks(conference, caller, track, TeamRole.REVIEWER).and("submittedAt").ne(null)
                .and("withdrawn").is(false).and("speakerEmails").ne(me);
        long total = mongo.count(new Query(candidates), ProposalUnderReview.class);
        long reviewed = mongo.count(new Query(candidates).addCriteria(Criteria.where("reviewers").is(me)),
                ProposalUnderReview.class);
        return new Progress(reviewed, total);
    }

    /** Reviewed of total; {@code percent} rounded down. */
    public record Progress(long reviewed, long total) {

        public long percent() {
            return total == 0 ? 100 : reviewed * 100 / total;
        }
    }

    /**
     * The ranking organizers decide from: the proposals still in the running, best mean score first; as everywhere,
     * none the caller speaks on (a conflict of interest).
     */
    public Page<ReviewedProposalView> ranking(String conferenceId, Authentication caller, String track, String search,
                                              Pageable pageable) {
        Conference conference = conference(conferenceId);
        String me = caller.getName().toLowerCase(Locale.ROOT);
        TeamRole role = TeamAccess.mayInSomeTrack(caller, conference.team(), TeamRole.REVIEWER) ? TeamRole.REVIEWER
                : TeamRole.DECIDER;
        Query query = new Query(titled(inTracks(conference, caller, track, role), search).and("submittedAt").ne(null)
                .and("withdrawn").is(false).and("speakerEmails").ne(me));
        return page(query, pageable, isBlindFor(caller, conference), false);
    }

    /** A proposal with its reviews, for the reviewers and deciders of its track and the organizers. */
    public ReviewedProposalView proposal(String id, Authentication caller) {
        ProposalUnderReview proposal = known(id);
        Conference conference = permitted(proposal, caller, TeamRole.REVIEWER, TeamRole.DECIDER);
        refuseSpeaker(proposal, caller, "see the reviews of");
        return ReviewedProposalView.of(proposal, isBlindFor(caller, conference), true);
    }

    public ReviewedProposalView review(String id, Authentication caller, ReviewRequest request) {
        request.validate();
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        ReviewedProposalView reviewed = change(id, caller, "review", List.of(TeamRole.REVIEWER, TeamRole.DECIDER),
                proposal -> proposal.review(caller.getName(), request.score(), comment, clock.instant()));
        reviewsGiven.increment();
        return reviewed;
    }

    public ReviewedProposalView decide(String id, Authentication caller, DecisionRequest request) {
        Outcome outcome = request.outcome();
        return change(id, caller, "decide on", List.of(TeamRole.DECIDER), proposal -> {
            if (proposal.scheduled() && proposal.decision() != outcome) {
                throw Problems.conflict("The talk is scheduled already; its decision can no longer change",
                        Map.of("decision", String.valueOf(proposal.decision())));
            }
            proposal.decide(outcome, request.noteOrNull(), caller.getName(), clock.instant());
        });
    }

    /** Whether the caller may decide on the proposal: a decider of its track, or an organizer. */
    public boolean mayDecide(String id, Authentication caller) {
        ProposalUnderReview proposal = known(id);
        return conferences.find(proposal.conferenceId())
                .filter(c -> TeamAccess.may(caller, c.team(), TeamRole.DECIDER, proposal.track())).isPresent();
    }

    /** Speakers stay hidden from everyone but the conference's organizers while its review is blind. */
    private static boolean isBlindFor(Authentication caller, Conference conference) {
        return conference.blindReview() && !TeamAccess.may(caller, conference.team(), TeamRole.ORGANIZER, null);
    }

    private ReviewedProposalView change(String id, Authentication caller, String action, List<TeamRole> roles,
                                        Consumer<ProposalUnderReview> change) {
        return OptimisticRetry.retry(() -> {
            ProposalUnderReview proposal = known(id);
            Conference conference = permitted(proposal, caller, roles.toArray(TeamRole[]::new));
            if (proposal.withdrawn()) {
                throw Problems.conflict("Proposal " + id + " was " + (proposal.declined() ? "declined" : "withdrawn")
                        + " by its speakers");
            }
            refuseSpeaker(proposal, caller, action);
            change.accept(proposal);
            return ReviewedProposalView.of(proposals.save(proposal), isBlindFor(caller, conference), true);
        });
    }

    private Conference conference(String conferenceId) {
        return conferences.find(conferenceId).orElseThrow(() -> Problems.notFound("No conference " + conferenceId));
    }

    /**
     * The proposals of the conference in the tracks the caller has {@code role} for, or in {@code track} if they
     * have it there; a {@code 403} otherwise.
     */
    /** Only proposals whose title contains the search text (any case), when there is one; at most 200 characters. */
    private static Criteria titled(Criteria criteria, String search) {
        if (search == null || search.isBlank()) {
            return criteria;
        }
        Violations violations = new Violations();
        violations.check(search.length() <= 200, "q", "must be at most 200 characters");
        violations.throwIfAny();
        return criteria.and("talk.title").regex(java.util.regex.Pattern.quote(search.strip()), "i");
    }

    private static Criteria inTracks(Conference conference, Authentication caller, String track, TeamRole role) {
        Criteria criteria = Criteria.where("conferenceId").is(conference.conferenceId());
        boolean asked = track != null && !track.isBlank();
        if (asked ? !TeamAccess.may(caller, conference.team(), role, track)
                : !TeamAccess.mayInSomeTrack(caller, conference.team(), role)) {
            throw TeamAccess.forbidden(role, conference.conferenceId(), asked ? track : null);
        }
        Set<String> limited = TeamAccess.limitedTo(caller, conference.team(), role);
        return asked ? criteria.and("track").is(track) : limited.isEmpty() ? criteria : criteria.and("track").in(limited);
    }

    /**
     * The proposal's conference if the caller has one of {@code roles} for its track (an organizer has every one);
     * a {@code 403} for another member of its team, and the same {@code 404} as for an unknown id for anyone else.
     */
    private Conference permitted(ProposalUnderReview proposal, Authentication caller, TeamRole... roles) {
        Conference conference = conferences.find(proposal.conferenceId())
                .orElseThrow(() -> Problems.notFound("No proposal " + proposal.id()));
        for (TeamRole role : roles) {
            if (TeamAccess.may(caller, conference.team(), role, proposal.track())) {
                return conference;
            }
        }
        if (Arrays.stream(TeamRole.values()).anyMatch(r -> TeamAccess.mayInSomeTrack(caller, conference.team(), r))) {
            throw TeamAccess.forbidden(roles[roles.length - 1], conference.conferenceId(), proposal.track());
        }
        throw Problems.notFound("No proposal " + proposal.id());
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
