package org.cfpflow.schedule.timetable;

import java.time.LocalDateTime;
import java.util.List;

/** Time a track has in a room, in the conference's local time, with its breaks. */
public record Block(String track, String room, LocalDateTime start, LocalDateTime end, List<Break> breaks) {

    public Block {
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    boolean contains(LocalDateTime from, LocalDateTime to) {
        return !from.isBefore(start) && !to.isAfter(end);
    }

    /** The break the interval overlaps, or null. */
    Break breakOverlapping(LocalDateTime from, LocalDateTime to) {
        return breaks.stream().filter(b -> b.overlaps(from, to)).findFirst().orElse(null);
    }
}
