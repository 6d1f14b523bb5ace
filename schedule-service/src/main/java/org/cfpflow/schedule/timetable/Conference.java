package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Confirmation;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.Track;

/**
 * A conference as this service needs it: its zone for times, names and tracks for the exports, its team for who may
 * change its timetable, whether unconfirmed talks give their slots to the waitlist.
 */
public record Conference(String conferenceId, String title, String timezone, List<Track> tracks,
                         LocalDate start, LocalDate end, List<TeamMember> team, Instant definedAt,
                         Confirmation confirmation) {

    static Conference of(ConferenceDefined defined) {
        return new Conference(defined.conferenceId(), defined.title(), defined.timezone(),
                defined.tracks(), defined.start(), defined.end(), defined.team(), defined.definedAt(),
                defined.confirmation());
    }

    public List<TeamMember> team() {
        return team == null ? List.of() : team;
    }
}
