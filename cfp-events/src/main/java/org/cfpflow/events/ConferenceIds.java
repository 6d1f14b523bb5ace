package org.cfpflow.events;

import java.util.regex.Pattern;

/**
 * A conference's id is its acronym, by the c3voc rule (so that schedule exports validate): it names the conference
 * in every event and in every path ({@code /api/conferences/{c}}, {@code /{c}/schedule}).
 */
public final class ConferenceIds {

    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$");
    public static final int MAX_LENGTH = 64;

    private ConferenceIds() {
    }

    public static boolean valid(String conferenceId) {
        return conferenceId != null && conferenceId.length() <= MAX_LENGTH && PATTERN.matcher(conferenceId).matches();
    }
}
