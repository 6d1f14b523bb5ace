package org.cfpflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A conference and its call, sent on every change; the latest one is the truth. {@code conferenceId} is its acronym.
 * {@code start} and {@code end} (the conference days) may be null until the organizers know them. {@code team} says
 * who may do what in it: every service enforces it from its own copy. {@code confirmation}: how accepted speakers
 * are reminded to confirm; null for no reminders. {@code publish}: what its public schedule shows ({@link Publish#LIVE}
 * when not given).
 */
public record ConferenceDefined(String conferenceId, String title, String timezone, Instant callOpens,
                                Instant callCloses, List<Track> tracks, boolean blindReview, LocalDate start,
                                LocalDate end, List<TeamMember> team, Instant definedAt, Confirmation confirmation,
                                Publish publish)
        implements CfpEvent {

    /** A conference that publishes its timetable {@link Publish#LIVE}. */
    public ConferenceDefined(String conferenceId, String title, String timezone, Instant callOpens, Instant callCloses,
                             List<Track> tracks, boolean blindReview, LocalDate start, LocalDate end,
                             List<TeamMember> team, Instant definedAt, Confirmation confirmation) {
        this(conferenceId, title, timezone, callOpens, callCloses, tracks, blindReview, start, end, team, definedAt,
                confirmation, Publish.LIVE);
    }

    /** A conference that does not remind its speakers to confirm ({@code confirmation} null). */
    public ConferenceDefined(String conferenceId, String title, String timezone, Instant callOpens, Instant callCloses,
                             List<Track> tracks, boolean blindReview, LocalDate start, LocalDate end,
                             List<TeamMember> team, Instant definedAt) {
        this(conferenceId, title, timezone, callOpens, callCloses, tracks, blindReview, start, end, team, definedAt,
                null);
    }

    public ConferenceDefined {
        Require.conferenceId(conferenceId);
        Require.line(title, "title", 200);
        Require.line(timezone, "timezone", 64);
        Require.present(callOpens, "callOpens");
        Require.present(callCloses, "callCloses");
        tracks = Require.nonEmpty(tracks, "tracks");
        team = Require.atMost(Require.list(team), 1_000, "team");
        Require.present(definedAt, "definedAt");
        publish = publish == null ? Publish.LIVE : publish;
    }

    @Override
    public String subject() {
        return conferenceId;
    }

    /** The team member with this e-mail address (case-insensitive), if any. */
    public Optional<TeamMember> member(String email) {
        return team.stream().filter(member -> member.email().equalsIgnoreCase(email)).findFirst();
    }
}
