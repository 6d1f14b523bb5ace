package org.cfpflow.events;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Where and when a talk is given: as instants with the conference's offset and as local times. */
public record Slot(String room, LocalDate day, OffsetDateTime start, OffsetDateTime end,
                   LocalDateTime startLocal, LocalDateTime endLocal) {

    public Slot {
        Require.line(room, "room", 100);
        Require.present(day, "day");
        Require.present(start, "start");
        Require.present(end, "end");
        Require.present(startLocal, "startLocal");
        Require.present(endLocal, "endLocal");
    }
}
