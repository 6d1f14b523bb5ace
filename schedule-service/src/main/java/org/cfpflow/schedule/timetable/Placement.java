package org.cfpflow.schedule.timetable;

import java.time.LocalDateTime;

/** Where and when a talk is, in the conference's local time. */
public record Placement(String room, LocalDateTime start, LocalDateTime end) {

    boolean overlaps(LocalDateTime from, LocalDateTime to) {
        return from.isBefore(end) && start.isBefore(to);
    }
}
