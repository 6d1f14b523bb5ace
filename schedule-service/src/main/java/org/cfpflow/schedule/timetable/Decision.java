package org.cfpflow.schedule.timetable;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the schedule-service knows of one proposal's fate, apart from the timetable: its latest decision and
 * whether it was withdrawn. One small document per proposal, so that a withdrawal of a proposal never accepted (or a
 * rejection) costs the timetable nothing, and so that an acceptance arriving late, after a withdrawal or a later
 * decision, or delivered again long after, is recognised as stale whatever the timetable remembers.
 */
@Document("decisions")
record Decision(@Id String proposalId, Outcome outcome, Instant decidedAt, Instant withdrawnAt) {

    enum Outcome { ACCEPTED, REJECTED }

    /** Whether this acceptance is the proposal's latest decision and the proposal still stands. */
    boolean stillAccepts(Instant acceptedAt) {
        return withdrawnAt == null && outcome == Outcome.ACCEPTED && !acceptedAt.isBefore(decidedAt);
    }

    /** Whether this rejection is the proposal's latest decision. */
    boolean stillRejects(Instant rejectedAt) {
        return outcome == Outcome.REJECTED && !rejectedAt.isBefore(decidedAt);
    }
}
