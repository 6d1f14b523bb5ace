package org.cfpflow.review.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalDeclined;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.Aggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A proposal as the reviewers see it: its content (from {@code cfp.proposals}), their reviews, the decision, and
 * whether the schedule has placed it. Withdrawal is final whatever arrives after it; newer content wins over older.
 */
@Document("proposals")
// a conference's queue and ranking, all tracks or one
@CompoundIndex(name = "conference_submitted", def = "{'conferenceId': 1, 'submittedAt': 1, '_id': 1}")
@CompoundIndex(name = "conference_track_submitted", def = "{'conferenceId': 1, 'track': 1, 'submittedAt': 1, '_id': 1}")
public class ProposalUnderReview extends Aggregate {

    @Id
    private String id;
    private String conferenceId;
    private Talk talk;
    private String track;
    private List<String> speakerEmails = new ArrayList<>();
    private Instant submittedAt;
    private Instant contentAt;
    /** Out of the running: withdrawn, or declined after its acceptance. */
    private boolean withdrawn;
    private boolean declined;
    private List<Review> reviews = new ArrayList<>();
    private List<String> reviewers = new ArrayList<>();
    private int reviewCount;
    private Double meanScore;
    private Outcome decision;
    private String decisionNote;
    private String decidedBy;
    private Instant decidedAt;
    private boolean scheduled;

    ProposalUnderReview(String id) {
        this.id = id;
    }

    /** Takes in a proposal or schedule event; returns false for events that say nothing here. */
    boolean apply(CfpEvent event) {
        conferenceId = event.conferenceId();
        if (event instanceof ProposalSubmitted submitted) {
            submittedAt = submitted.submittedAt();
            content(submitted.talk(), submitted.submittedAt());
        }
        else if (event instanceof ProposalUpdated updated) {
            content(updated.talk(), updated.updatedAt());
        }
        else if (event instanceof ProposalWithdrawn withdrawal) {
            withdrawn = true;
            if (talk == null) {
                content(withdrawal.talk(), Instant.EPOCH);
            }
        }
        else if (event instanceof ProposalDeclined) {
            withdrawn = true;
            declined = true;
        }
        else if (event instanceof TalkScheduled || event instanceof TalkRescheduled) {
            scheduled = true;
        }
        else if (event instanceof TalkUnscheduled || event instanceof TalkWaitlisted) {
            scheduled = false;
        }
        else {
            return false;
        }
        return true;
    }

    private void content(Talk newTalk, Instant at) {
        if (contentAt != null && at.isBefore(contentAt)) {
            return;
        }
        talk = newTalk;
        track = newTalk.track();
        contentAt = at;
        speakerEmails = newTalk.speakers().stream().map(s -> s.email().toLowerCase(Locale.ROOT)).toList();
    }

    /** The reviewer's one review: a second one replaces the first. */
    void review(String reviewer, int score, String comment, Instant now) {
        String key = reviewer.toLowerCase(Locale.ROOT);
        reviews.removeIf(review -> review.reviewer().equalsIgnoreCase(key));
        reviews.add(new Review(key, score, comment, now));
        reviewers = reviews.stream().map(Review::reviewer).toList();
        reviewCount = reviews.size();
        meanScore = reviews.stream().mapToInt(Review::score).average().orElseThrow();
    }

    /** Returns false when the same decision stands already (deciding twice is a no-op). */
    boolean decide(Outcome outcome, String note, String by, Instant now) {
        if (outcome == decision) {
            return false;
        }
        decision = outcome;
        decisionNote = note;
        decidedBy = by;
        decidedAt = now;
        raise(outcome == Outcome.ACCEPTED ? new ProposalAccepted(conferenceId, id, talk, note, now)
                : new ProposalRejected(conferenceId, id, talk, note, now));
        return true;
    }

    /** Whether its speakers declined it after its acceptance (it is then {@link #withdrawn()} too). */
    boolean declined() {
        return declined;
    }

    boolean isSpeaker(String email) {
        return email != null && speakerEmails.contains(email.toLowerCase(Locale.ROOT));
    }

    /** Known from a submission or an edit, not just from a withdrawal or a schedule event. */
    boolean isKnown() {
        return submittedAt != null || (contentAt != null && !Instant.EPOCH.equals(contentAt));
    }

    Double medianScore() {
        if (reviews.isEmpty()) {
            return null;
        }
        int[] scores = reviews.stream().mapToInt(Review::score).sorted().toArray();
        int middle = scores.length / 2;
        return scores.length % 2 == 1 ? scores[middle] : (scores[middle - 1] + scores[middle]) / 2.0;
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String track() {
        return track;
    }

    public Talk talk() {
        return talk;
    }

    public List<Speaker> speakers() {
        return talk == null ? List.of() : talk.speakers();
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public List<Review> reviews() {
        return reviews;
    }

    public int reviewCount() {
        return reviewCount;
    }

    public Double meanScore() {
        return meanScore;
    }

    public Outcome decision() {
        return decision;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public boolean scheduled() {
        return scheduled;
    }
}
