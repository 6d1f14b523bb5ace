package org.cfpflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The conference and its call, sent on every change; the latest one is the truth. {@code start} and {@code end}
 * (the conference days) may be null until the organizers know them.
 */
public record ConferenceDefined(String conferenceId, String title, String acronym, String timezone,
                                Instant callOpens, Instant callCloses, List<Track> tracks, boolean blindReview,
                                LocalDate start, LocalDate end, Instant definedAt) implements CfpEvent {

    public ConferenceDefined {
        Require.line(conferenceId, "conferenceId", 100);
        Require.line(title, "title", 200);
        Require.line(acronym, "acronym", 64);
        Require.line(timezone, "timezone", 64);
        Require.present(callOpens, "callOpens");
        Require.present(callCloses, "callCloses");
        tracks = Require.nonEmpty(tracks, "tracks");
        Require.present(definedAt, "definedAt");
    }

    @Override
    public String subject() {
        return conferenceId;
    }
}
