package org.cfpflow.submission.proposal;

import org.cfpflow.events.Slot;

/** The slot a talk got, as the schedule-service announced it (times as ISO-8601 text, offsets kept). */
public record ScheduledSlot(String room, String day, String start, String end, String startLocal, String endLocal) {

    static ScheduledSlot of(Slot slot) {
        return new ScheduledSlot(slot.room(), slot.day().toString(), slot.start().toString(), slot.end().toString(),
                slot.startLocal().toString(), slot.endLocal().toString());
    }
}
