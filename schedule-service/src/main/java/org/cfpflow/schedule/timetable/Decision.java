package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.util.List;

import org.cfpflow.events.Talk;
import org.cfpflow.events.Window;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the schedule-service knows of one proposal's fate, apart from the timetable: its latest decision and
 * whether it was withdrawn, declined or confirmed by its speakers, and when its speakers can speak. One small document per proposal, so that a withdrawal of a proposal never accepted (or a
 * rejection) costs the timetable nothing, and so that an acceptance arriving late, after a withdrawal or a later
 * decision, or delivered again long after, is recognised as stale whatever the timetable remembers.
 */
@Document("decisions")
record Decision(@Id String proposalId, Outcome outcome, Instant decidedAt, Instant withdrawnAt, Instant declinedAt,
                Instant confirmedAt, List<Window> availability, Instant updatedAt) {

    enum Outcome { ACCEPTED, REJECTED }

    /** Whether this acceptance is the proposal's latest decision and the proposal still stands. */
    boolean stillAccepts(Instant acceptedAt) {
        return withdrawnAt == null && declinedAt == null && outcome == Outcome.ACCEPTED
                && !acceptedAt.isBefore(decidedAt);
    }

    /**
     * The talk with its speakers' availability as last updated: an acceptance carries the talk as the reviewers saw
     * it, which may be older than the speakers' last change.
     */
    Talk latest(Talk talk) {
        return updatedAt == null || availability == null ? talk : talk.withAvailability(availability);
    }

    /** Whether its speakers confirmed the talk (the confirmation may arrive before the acceptance). */
    boolean confirmed() {
        return confirmedAt != null;
    }

    /** Whether this rejection is the proposal's latest decision. */
    boolean stillRejects(Instant rejectedAt) {
        return outcome == Outcome.REJECTED && !rejectedAt.isBefore(decidedAt);
    }
}
