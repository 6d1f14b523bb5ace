package org.cfpflow.events;

/** What a member of a conference's team may do in it. */
public enum TeamRole {
    /** Defines the conference and its timetable, sees and does everything in it. */
    ORGANIZER,
    /** Reviews proposals (of their tracks). */
    REVIEWER,
    /** Accepts and rejects proposals (of their tracks). */
    DECIDER
}
