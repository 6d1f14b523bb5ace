package org.cfpflow.schedule.timetable;

import java.time.LocalDateTime;

/** A pause inside a block, in the conference's local time: no talk overlaps it. */
public record Break(LocalDateTime start, LocalDateTime end) {

    boolean overlaps(LocalDateTime from, LocalDateTime to) {
        return from.isBefore(end) && start.isBefore(to);
    }
}
