package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Confirmation;
import org.cfpflow.events.Publish;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.Track;

/**
 * A conference as this service needs it: its zone for times, names and tracks for the exports, its team for who may
 * change its timetable, whether unconfirmed talks give their slots to the waitlist, what its public schedule shows.
 */
public record Conference(String conferenceId, String title, String timezone, List<Track> tracks,
                         LocalDate start, LocalDate end, List<TeamMember> team, Instant definedAt,
                         Confirmation confirmation, Publish publish) {

    static Conference of(ConferenceDefined defined) {
        return new Conference(defined.conferenceId(), defined.title(), defined.timezone(),
                defined.tracks(), defined.start(), defined.end(), defined.team(), defined.definedAt(),
                defined.confirmation(), defined.publish());
    }

    /** What its public schedule shows ({@code LIVE} for a copy stored before conferences could say). */
    @Override
    public Publish publish() {
        return publish == null ? Publish.LIVE : publish;
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public List<TeamMember> team() {
        return team == null ? List.of() : team;
    }
}
