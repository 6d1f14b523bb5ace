package org.cfpflow.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * When to search a whole collection for what no hint announced (the outbox relay for pending events, the sender
 * for due mail): at once while the caller does not know what is pending (at start, after a failure, after dropping
 * hints); otherwise every interval (up to a quarter sooner, at random), in the first quiet moment after that, and
 * one interval past due at the latest.
 * <p>
 * Such a search holds the collection in the local store (mongo-java-server locks a collection per command) for
 * 0.1-0.8 s on a full run's data: during a burst every writer of that collection waits behind it; in a quiet moment
 * it delays no one.
 * The random offset keeps services started together from searching together every interval.
 */
public final class SafetyNetSchedule {

    private final long interval;
    private final long quietPeriod;
    private final LongSupplier nanoClock;
    private long forgets;
    private volatile boolean known;
    private volatile long lastSearch;
    private volatile long lastActivity;

    public SafetyNetSchedule(Duration interval, Duration quietPeriod, LongSupplier nanoClock) {
        this.interval = interval.toNanos();
        this.quietPeriod = quietPeriod.toNanos();
        this.nanoClock = nanoClock;
        this.lastActivity = nanoClock.getAsLong() - this.quietPeriod;
    }

    /** Work was done that a search would have delayed (aggregates written, e-mails sent): not a quiet moment. */
    public void active() {
        lastActivity = nanoClock.getAsLong();
    }

    /** What is pending is no longer known: search at once. */
    public synchronized void forget() {
        forgets++;
        known = false;
    }

    /** Whether a search since the last {@link #forget} found everything: then the hints say what is pending. */
    public boolean knowsWhatIsPending() {
        return known;
    }

    public boolean due() {
        if (!known) {
            return true;
        }
        long now = nanoClock.getAsLong();
        long since = now - lastSearch;
        return since >= 2 * interval || (since >= interval && now - lastActivity >= quietPeriod);
    }

    /** Call before searching; pass what it returns to {@link #searched}. */
    public synchronized long searching() {
        return forgets;
    }

    /**
     * The search that began with {@code token} went through. Had something been forgotten meanwhile, the search may
     * have passed it by already, so another one stays due.
     */
    public synchronized void searched(long token) {
        if (forgets != token) {
            return;
        }
        known = true;
        lastSearch = nanoClock.getAsLong() - ThreadLocalRandom.current().nextLong(interval / 4 + 1);
    }
}
