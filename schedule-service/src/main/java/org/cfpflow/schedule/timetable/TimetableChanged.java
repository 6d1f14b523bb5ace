package org.cfpflow.schedule.timetable;

import java.util.List;

/** Published in-process after a timetable write, for the live stream. */
public record TimetableChanged(List<Change> changes) {
}
