package org.cfpflow.events;

import java.time.Instant;
import java.util.List;

/**
 * An organizer published the conference's working timetable as release {@code number} (named {@code version}), with
 * what changed since the previous release: the talks added, moved and removed, each with its speakers, so that each
 * speaker hears of all their changes at once.
 */
public record ScheduleReleased(String conferenceId, int number, String version, String comment, Instant releasedAt,
                               List<ReleasedChange> changes) implements CfpEvent {

    /** Enough for a release of a large conference's first timetable, small enough for one Kafka record. */
    public static final int MOST_CHANGES = 3_000;

    public ScheduleReleased {
        Require.conferenceId(conferenceId);
        Require.positive(number, "number");
        Require.line(version, "version", 50);
        Require.optionalText(comment, "comment", 2_000);
        Require.present(releasedAt, "releasedAt");
        changes = Require.atMost(Require.list(changes), MOST_CHANGES, "changes");
    }

    @Override
    public String subject() {
        return conferenceId;
    }

    /** A talk the release added ({@code slot}), moved ({@code previousSlot} to {@code slot}) or removed ({@code previousSlot}). */
    public record ReleasedChange(String proposalId, Kind kind, String title, String track, List<Speaker> speakers,
                                 Slot slot, Slot previousSlot) {

        public ReleasedChange {
            Require.line(proposalId, "proposalId", 100);
            Require.present(kind, "kind");
            Require.line(title, "title", 300);
            Require.line(track, "track", 100);
            speakers = Require.nonEmpty(speakers, "speakers");
            if (kind != Kind.REMOVED) {
                Require.present(slot, "slot");
            }
            if (kind != Kind.ADDED) {
                Require.present(previousSlot, "previousSlot");
            }
        }
    }

    public enum Kind {
        ADDED, MOVED, REMOVED
    }
}
