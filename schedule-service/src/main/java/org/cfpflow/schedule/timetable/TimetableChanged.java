package org.cfpflow.schedule.timetable;

import java.util.List;

/**
 * Published in-process after a timetable write, for the live stream: the conference, its changes, and the {@code ce_id}s of the
 * events this replica raised and has not yet seen published, so that it can tell its own records on
 * {@code cfp.schedule} from those of another replica.
 */
public record TimetableChanged(String conferenceId, List<Change> changes, List<String> eventIds) {
}
