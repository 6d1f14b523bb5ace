package org.cfpflow.notification.delivery;

import java.time.Instant;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * When the mail the sender scheduled itself falls due (retries, delayed e-mails, claims left by a crash): it is sent
 * then, without waiting for the next search of the store. Bounded: beyond the bound, that search finds it.
 */
final class DueTimes {

    private static final int MAX = 100_000;

    private final NavigableSet<Instant> times = new ConcurrentSkipListSet<>();

    void add(Instant when) {
        if (times.size() < MAX) {
            times.add(when);
        }
    }

    /** Whether any time has come by {@code now}; those that have are forgotten. */
    boolean takeDue(Instant now) {
        NavigableSet<Instant> due = times.headSet(now, true);
        if (due.isEmpty()) {
            return false;
        }
        due.clear();
        return true;
    }
}
