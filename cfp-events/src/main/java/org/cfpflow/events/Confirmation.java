package org.cfpflow.events;

import java.time.Duration;
import java.time.Instant;

/**
 * How a conference asks its accepted speakers to confirm: a first reminder {@code remindAfter} after the acceptance if
 * they have not answered, a second twice as long after it naming the {@link #deadline}, three times as long after
 * it; with {@code releaseUnconfirmed}, a talk still unconfirmed then gives its slot to the waitlist.
 */
public record Confirmation(Duration remindAfter, boolean releaseUnconfirmed) {

    public static final Duration SHORTEST = Duration.ofHours(1);
    public static final Duration LONGEST = Duration.ofDays(90);

    public Confirmation {
        Require.present(remindAfter, "confirmation.remindAfter");
        if (remindAfter.compareTo(SHORTEST) < 0 || remindAfter.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("confirmation.remindAfter must be from " + SHORTEST + " to " + LONGEST);
        }
    }

    /** When the {@code n}th reminder (1 or 2) of a talk accepted at {@code acceptedAt} is due. */
    public Instant reminder(Instant acceptedAt, int n) {
        return acceptedAt.plus(remindAfter.multipliedBy(n));
    }

    /** After this, an unconfirmed talk may lose its slot to the waitlist. */
    public Instant deadline(Instant acceptedAt) {
        return acceptedAt.plus(remindAfter.multipliedBy(3));
    }
}
