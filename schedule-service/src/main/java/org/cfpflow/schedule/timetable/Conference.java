package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Track;

/** The conference as this service needs it: its zone for times, names and tracks for the exports. */
public record Conference(String conferenceId, String title, String acronym, String timezone, List<Track> tracks,
                             LocalDate start, LocalDate end, Instant definedAt) {

    static Conference of(ConferenceDefined defined) {
        return new Conference(defined.conferenceId(), defined.title(), defined.acronym(), defined.timezone(),
                defined.tracks(), defined.start(), defined.end(), defined.definedAt());
    }
}
