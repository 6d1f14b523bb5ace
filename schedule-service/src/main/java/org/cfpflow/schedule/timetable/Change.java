package org.cfpflow.schedule.timetable;

import java.time.Instant;

/** One change of the timetable, numbered, as the live stream sends it ({@code payload}: the event's JSON). */
public record Change(long id, String type, String proposalId, String payload, Instant at) {
}
