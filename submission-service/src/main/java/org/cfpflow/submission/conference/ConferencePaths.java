package org.cfpflow.submission.conference;

import java.util.List;

import org.cfpflow.events.ConferenceIds;
import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.InvalidRequestException;

/** A conference id from a path: the c3voc acronym rule, or a {@code 400} naming it. */
public final class ConferencePaths {

    private ConferencePaths() {
    }

    public static String checked(String conferenceId) {
        if (!ConferenceIds.valid(conferenceId)) {
            throw new InvalidRequestException(List.of(new FieldViolation("conferenceId", "must match "
                    + ConferenceIds.PATTERN.pattern() + " (lower case, e.g. lpc2017)")));
        }
        return conferenceId;
    }
}
