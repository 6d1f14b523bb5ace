package org.cfpflow.schedule.timetable;

import java.time.LocalDateTime;

import org.cfpflow.platform.Violations;

/** {@code PUT /api/conferences/{c}/timetable/talks/{proposalId}}: where an organizer wants the talk (local start, room). */
public record MoveRequest(LocalDateTime start, String room) {

    void validate() {
        Violations violations = new Violations();
        violations.required(start, "start");
        violations.line(room, "room", 100);
        violations.throwIfAny();
    }
}
