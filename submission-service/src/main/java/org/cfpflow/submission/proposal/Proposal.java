package org.cfpflow.submission.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalConfirmed;
import org.cfpflow.events.ProposalDeclined;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.Aggregate;
import org.cfpflow.messaging.ReceivedEvent;
import org.cfpflow.platform.Problems;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A talk proposal. The speaker's edit token is kept only as a hash. Decision and schedule outcomes are kept as
 * separate facts and the status is derived from them, so that events arriving on different topics in any order
 * give the same answer.
 */
@Document("proposals")
@CompoundIndex(name = "conference_submitted", def = "{'conferenceId': 1, 'submittedAt': 1, '_id': 1}")
@CompoundIndex(name = "conference_track_submitted", def = "{'conferenceId': 1, 'track': 1, 'submittedAt': 1, '_id': 1}")
@CompoundIndex(name = "conference_status_submitted", def = "{'conferenceId': 1, 'status': 1, 'submittedAt': 1, '_id': 1}")
@CompoundIndex(name = "conference_title", def = "{'conferenceId': 1, 'talk.title': 1, '_id': 1}")
public class Proposal extends Aggregate {

    static final String SOURCE = "/submission-service";

    enum Decision { ACCEPTED, REJECTED }

    enum Placement { SCHEDULED, WAITLISTED }

    @Id
    private String id;
    private String conferenceId;
    private Talk talk;
    private String notes;
    private String editTokenHash;
    private String track;
    private ProposalStatus status;
    private boolean withdrawn;
    /** When the speakers confirmed the accepted talk; null until then. */
    private Instant confirmedAt;
    /** When the speakers declined the accepted talk; null unless they did. */
    private Instant declinedAt;
    private Decision decision;
    private String decisionNote;
    private Placement placement;
    private ScheduledSlot slot;
    private Instant submittedAt;
    private Instant updatedAt;
    private List<TimelineEntry> timeline = new ArrayList<>();

    static Proposal submit(String conferenceId, String id, Talk talk, String notes, String editTokenHash, String page, String sealedEditToken,
                           Instant now) {
        Proposal proposal = new Proposal();
        proposal.id = id;
        proposal.conferenceId = conferenceId;
        proposal.talk = talk;
        proposal.track = talk.track();
        proposal.notes = notes;
        proposal.editTokenHash = editTokenHash;
        proposal.submittedAt = now;
        proposal.updatedAt = now;
        proposal.status = ProposalStatus.SUBMITTED;
        proposal.announce(new ProposalSubmitted(conferenceId, id, talk, notes, page, sealedEditToken, now));
        return proposal;
    }

    /** Returns false (and raises nothing) when the content is unchanged. */
    boolean update(Talk newTalk, String newNotes, Instant now) {
        if (talk.equals(newTalk) && Objects.equals(notes, newNotes)) {
            return false;
        }
        talk = newTalk;
        track = newTalk.track();
        notes = newNotes;
        updatedAt = now;
        announce(new ProposalUpdated(conferenceId, id, talk, notes, now));
        return true;
    }

    /** Returns false when already withdrawn. */
    boolean withdraw(Instant now) {
        if (withdrawn) {
            return false;
        }
        withdrawn = true;
        updatedAt = now;
        status = deriveStatus();
        announce(new ProposalWithdrawn(conferenceId, id, talk, now));
        return true;
    }

    /**
     * The speakers confirm the accepted talk. Returns false when it was confirmed already; a {@code 409} unless it is
     * accepted (scheduled or waitlisted) and still stands.
     */
    boolean confirm(Instant now) {
        requireAccepted("confirmed");
        if (confirmedAt != null) {
            return false;
        }
        confirmedAt = now;
        updatedAt = now;
        announce(new ProposalConfirmed(conferenceId, id, talk, now));
        return true;
    }

    /**
     * The speakers decline the accepted talk, confirmed or not: it leaves the timetable. Returns false when it was
     * declined already; a {@code 409} unless it is accepted and still stands.
     */
    boolean decline(Instant now) {
        if (declinedAt != null) {
            return false;
        }
        requireAccepted("declined");
        declinedAt = now;
        updatedAt = now;
        status = deriveStatus();
        announce(new ProposalDeclined(conferenceId, id, talk, now));
        return true;
    }

    private void requireAccepted(String what) {
        if (!standsAccepted()) {
            throw Problems.conflict("Only an accepted talk can be " + what + "; this one is " + status,
                    java.util.Map.of("proposalStatus", status));
        }
    }

    /** Whether the talk is accepted and neither withdrawn nor declined: its speakers may confirm or decline it. */
    public boolean standsAccepted() {
        return decision == Decision.ACCEPTED && !withdrawn && declinedAt == null;
    }

    /** Whether the speakers confirmed the accepted talk. */
    public boolean confirmed() {
        return confirmedAt != null;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    private void announce(CfpEvent event) {
        timeline.add(TimelineEntry.of(raise(event), SOURCE));
    }

    /** Any event about this proposal from elsewhere, for its history. */
    void recordInTimeline(ReceivedEvent event) {
        timeline.add(TimelineEntry.of(event));
    }

    /** The proposal's whole history across all topics, in time order. */
    public List<TimelineEntry> timeline() {
        return timeline.stream().sorted(java.util.Comparator.comparing(TimelineEntry::time)).toList();
    }

    /** Takes in what the review- and schedule-service decided. Returns false for events that say nothing here. */
    boolean apply(CfpEvent event, Instant now) {
        if (event instanceof ProposalAccepted accepted) {
            decision = Decision.ACCEPTED;
            decisionNote = accepted.note();
        }
        else if (event instanceof ProposalRejected rejected) {
            decision = Decision.REJECTED;
            decisionNote = rejected.note();
        }
        else if (event instanceof TalkScheduled scheduled) {
            placement = Placement.SCHEDULED;
            slot = ScheduledSlot.of(scheduled.slot());
        }
        else if (event instanceof TalkRescheduled rescheduled) {
            placement = Placement.SCHEDULED;
            slot = ScheduledSlot.of(rescheduled.slot());
        }
        else if (event instanceof TalkWaitlisted) {
            placement = Placement.WAITLISTED;
            slot = null;
        }
        else if (event instanceof TalkUnscheduled) {
            placement = null;
            slot = null;
        }
        else {
            return false;
        }
        updatedAt = now;
        status = deriveStatus();
        return true;
    }

    private ProposalStatus deriveStatus() {
        if (withdrawn) {
            return ProposalStatus.WITHDRAWN;
        }
        if (declinedAt != null) {
            return ProposalStatus.DECLINED;
        }
        if (decision == Decision.REJECTED) {
            return ProposalStatus.REJECTED;
        }
        if (placement == Placement.SCHEDULED) {
            return ProposalStatus.SCHEDULED;
        }
        if (placement == Placement.WAITLISTED) {
            return ProposalStatus.WAITLISTED;
        }
        return decision == Decision.ACCEPTED ? ProposalStatus.ACCEPTED : ProposalStatus.SUBMITTED;
    }

    boolean isSpeaker(String email) {
        return email != null && talk.speakers().stream().map(Speaker::email).anyMatch(email::equalsIgnoreCase);
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public Talk talk() {
        return talk;
    }

    public String notes() {
        return notes;
    }

    String editTokenHash() {
        return editTokenHash;
    }

    public ProposalStatus status() {
        return status;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public ScheduledSlot slot() {
        return slot;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
