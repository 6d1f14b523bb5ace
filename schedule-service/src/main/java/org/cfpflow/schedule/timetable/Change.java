package org.cfpflow.schedule.timetable;

import java.time.Instant;

/**
 * One change of the timetable, numbered, as the live stream sends it ({@code payload}: the JSON of its
 * {@link ChangeView}, what the public may see of it).
 */
public record Change(long id, String type, String proposalId, String payload, Instant at) {
}
