package org.cfpflow.events;

import java.time.LocalDateTime;

/**
 * A span of the conference's local time, {@code start} inclusive, {@code end} exclusive: in a talk's
 * {@code availability}, a time when every one of its speakers can speak.
 */
public record Window(LocalDateTime start, LocalDateTime end) {

    public Window {
        Require.present(start, "availability.start");
        Require.present(end, "availability.end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("availability: a window must end after it starts");
        }
    }

    /** Whether {@code [from, to)} lies inside this window. */
    public boolean contains(LocalDateTime from, LocalDateTime to) {
        return !from.isBefore(start) && !to.isAfter(end);
    }
}
