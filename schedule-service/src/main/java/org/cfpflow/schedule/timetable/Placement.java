package org.cfpflow.schedule.timetable;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.cfpflow.events.Slot;

/** Where and when a talk is, in the conference's local time. */
public record Placement(String room, LocalDateTime start, LocalDateTime end) {

    /** Where and when, as the events and views tell it: local times and instants with the zone's offset. */
    public Slot slotIn(ZoneId zone) {
        return new Slot(room, start.toLocalDate(), start.atZone(zone).toOffsetDateTime(),
                end.atZone(zone).toOffsetDateTime(), start, end);
    }

    boolean overlaps(LocalDateTime from, LocalDateTime to) {
        return from.isBefore(end) && start.isBefore(to);
    }
}
