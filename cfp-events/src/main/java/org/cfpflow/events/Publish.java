package org.cfpflow.events;

/**
 * What a conference's public schedule shows: {@code LIVE} the working timetable as it changes (speakers hear of every
 * placement and move), {@code RELEASES} the latest release (speakers hear of their slots when a release is made).
 */
public enum Publish {
    LIVE, RELEASES
}
