package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a schedule holds, whether the working timetable or a release of it: the conference, its blocks, its talks
 * (placed, and in the working timetable also waiting), and which version this is. {@code release} is null for the
 * working timetable.
 */
public record ScheduleContent(Conference conference, ZoneId zone, List<Block> blocks, List<Entry> entries,
                              long version, Released release) {

    /** A release's number, its name and when it was made. */
    public record Released(int number, String version, Instant releasedAt) {
    }
}
