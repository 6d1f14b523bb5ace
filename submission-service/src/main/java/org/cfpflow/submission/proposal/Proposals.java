package org.cfpflow.submission.proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.cfpflow.events.Talk;
import org.cfpflow.messaging.Aggregates;
import org.cfpflow.messaging.CombinedInserts;
import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.TeamAccess;
import org.cfpflow.events.TeamRole;
import org.cfpflow.submission.conference.CallForPapers;
import org.cfpflow.submission.conference.Conference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Submitting, reading, editing, withdrawing, confirming and declining proposals, with the speaker's token or as
 * organizer.
 */
@Service
public class Proposals {

    public static final Sort OLDEST_FIRST = Sort.by("submittedAt", "_id");
    public static final Sort BY_TITLE = Sort.by("talk.title", "_id");
    public static final Sort BY_STATUS = Sort.by("status", "submittedAt", "_id");
    /** The states in which a talk may still be given: its availability may change. */
    private static final Set<ProposalStatus> STILL_TO_BE_GIVEN = EnumSet.of(ProposalStatus.SUBMITTED,
            ProposalStatus.ACCEPTED, ProposalStatus.SCHEDULED, ProposalStatus.WAITLISTED);

    private final ProposalRepository proposals;
    /** New proposals: at a deadline rush, those of concurrent requests are written in one command. */
    private final CombinedInserts<Proposal> newProposals;
    private final MongoTemplate mongo;
    private final CallForPapers callForPapers;
    private final Clock clock;
    private final SealedTokens sealedTokens;
    private final String publicUrl;

    Proposals(ProposalRepository proposals, Aggregates aggregates, MongoTemplate mongo, CallForPapers callForPapers,
              Clock clock, SealedTokens sealedTokens, @Value("${cfp.public-url}") String publicUrl) {
        this.proposals = proposals;
        this.sealedTokens = sealedTokens;
        this.newProposals = new CombinedInserts<>(aggregates, Proposal.class);
        this.mongo = mongo;
        this.callForPapers = callForPapers;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public SubmittedProposal submit(String conferenceId, ProposalRequest request) {
        Conference conference = openCall(conferenceId);
        Talk talk = request.toTalk(conference);
        String id = UUID.randomUUID().toString();
        String token = EditTokens.newToken();
        String page = publicUrl + "/proposals/" + id;
        String editUrl = page + "?token=" + token;
        // the event carries the page and the token sealed for the notification-service, never the token itself
        Proposal proposal = Proposal.submit(conference.conferenceId(), id, talk, request.notesOrNull(), EditTokens.hash(token), page,
                sealedTokens.seal(token, id), clock.instant());
        return new SubmittedProposal(newProposals.insert(proposal), token, editUrl);
    }

    /** Unknown id, wrong or missing token: the same 404, so that nobody learns which ids exist. */
    public Proposal read(String id, String token, Authentication caller) {
        return proposals.findById(id)
                .filter(proposal -> mayAccess(proposal, token, caller))
                .orElseThrow(() -> notFound(id));
    }

    public Proposal update(String id, String token, Authentication caller, ProposalRequest request) {
        return change(id, token, caller, proposal -> {
            Conference conference = callForPapers.existing(proposal.conferenceId());
            Talk asked = request.toTalk(conference);
            boolean availabilityOnly = asked.withAvailability(proposal.talk().availability()).equals(proposal.talk())
                    && Objects.equals(request.notesOrNull(), proposal.notes());
            if (availabilityOnly && STILL_TO_BE_GIVEN.contains(proposal.status())) {
                // when the speakers can speak may change until the conference; the timetable follows
                refuseOnceBegun(proposal, "changed");
            }
            else if (proposal.status() != ProposalStatus.SUBMITTED) {
                throw Problems.conflict("A proposal can be edited only while it is SUBMITTED (its availability "
                        + "until the conference); this one is " + proposal.status(),
                        Map.of("proposalStatus", proposal.status()));
            }
            else {
                openCall(proposal.conferenceId());
            }
            proposal.update(asked, request.notesOrNull(), clock.instant());
            return proposal;
        });
    }

    public Proposal withdraw(String id, String token, Authentication caller) {
        return change(id, token, caller, proposal -> {
            refuseOnceBegun(proposal, "withdrawn");
            proposal.withdraw(clock.instant());
            return proposal;
        });
    }

    /** A {@code 409} once the proposal's conference has begun. */
    private void refuseOnceBegun(Proposal proposal, String what) {
        callForPapers.conference(proposal.conferenceId()).filter(c -> c.start() != null).ifPresent(conference -> {
            Instant conferenceStart = conference.start().atStartOfDay(ZoneId.of(conference.timezone())).toInstant();
            if (!clock.instant().isBefore(conferenceStart)) {
                throw Problems.conflict("The conference has begun: proposals can no longer be " + what,
                        Map.of("conferenceStart", conferenceStart));
            }
        });
    }

    /** The speakers (or an organizer) confirm the accepted talk; again changes nothing. */
    public Proposal confirm(String id, String token, Authentication caller) {
        return change(id, token, caller, proposal -> {
            proposal.confirm(clock.instant());
            return proposal;
        });
    }

    /** The speakers (or an organizer) decline the accepted talk: its slot goes to the waitlist. */
    public Proposal decline(String id, String token, Authentication caller) {
        return change(id, token, caller, proposal -> {
            refuseOnceBegun(proposal, "declined");
            proposal.decline(clock.instant());
            return proposal;
        });
    }

    /** A conference's proposals, for its organizers; {@code q}: words of the title, in any case. */
    public Page<Proposal> list(String conferenceId, String track, ProposalStatus status, String q, Pageable pageable,
                               Authentication caller) {
        return list(conferenceId, new Filter(track, status, null, q), pageable, caller);
    }

    /**
     * What an organizer narrows a conference's proposals to: a track, a status, whether confirmed, text in the title;
     * each null for any.
     */
    public record Filter(String track, ProposalStatus status, Boolean confirmed, String q) {
    }

    /** A conference's proposals that pass the filter, a page of them: for its organizers. */
    public Page<Proposal> list(String conferenceId, Filter filter, Pageable pageable, Authentication caller) {
        String track = filter.track();
        ProposalStatus status = filter.status();
        String q = filter.q();
        Conference conference = callForPapers.existing(conferenceId);
        if (!callForPapers.organizes(caller, conference)) {
            throw TeamAccess.forbidden(TeamRole.ORGANIZER, conferenceId, null);
        }
        Query query = new Query(Criteria.where("conferenceId").is(conferenceId));
        if (q != null && !q.isBlank()) {
            query.addCriteria(Criteria.where("talk.title").regex(Pattern.quote(q.strip()), "i"));
        }
        if (track != null && !track.isBlank()) {
            query.addCriteria(Criteria.where("track").is(track));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status.name()));
        }
        if (filter.confirmed() != null) {
            query.addCriteria(filter.confirmed() ? Criteria.where("confirmedAt").ne(null)
                    : Criteria.where("confirmedAt").is(null));
        }
        long total = mongo.count(query, Proposal.class);
        List<Proposal> content = mongo.find(query.with(pageable), Proposal.class);
        return new PageImpl<>(content, pageable, total);
    }

    /** Reads, checks the caller may write, applies and saves; again if another write came in between. */
    private Proposal change(String id, String token, Authentication caller, Function<Proposal, Proposal> change) {
        return OptimisticRetry.retry(() -> {
            Proposal proposal = proposals.findById(id).orElseThrow(() -> notFound(id));
            if (!mayAccess(proposal, token, caller)) {
                throw notFound(id);
            }
            return proposals.save(change.apply(proposal));
        });
    }

    private Conference openCall(String conferenceId) {
        Conference conference = callForPapers.existing(conferenceId);
        if (!conference.isCallOpen(clock.instant())) {
            throw Problems.conflict("The call for papers is open from " + conference.callOpens() + " to "
                    + conference.callCloses(), Map.of("callOpens", conference.callOpens(),
                    "callCloses", conference.callCloses()));
        }
        return conference;
    }

    /** With the edit token, or as an organizer of the proposal's conference. */
    private boolean mayAccess(Proposal proposal, String token, Authentication caller) {
        return EditTokens.matches(token, proposal.editTokenHash()) || caller != null && callForPapers
                .conference(proposal.conferenceId()).filter(c -> callForPapers.organizes(caller, c)).isPresent();
    }

    private static ErrorResponseException notFound(String id) {
        return Problems.notFound("No proposal " + id + " for this edit token");
    }
}
