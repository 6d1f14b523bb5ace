package org.cfpflow.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Inserts the new aggregates of concurrent callers (request threads) in one command: while one caller's insert is
 * in flight, the others queue theirs, and the next of them writes all that queued in one
 * {@link Aggregates#insertNew}. A caller alone writes at once, as a repository's save would; under load the store
 * and the driver pay per command, not per aggregate. No thread of its own: a caller that finds no insert in flight
 * writes the queue, and on leaving wakes the next caller to write what queued meanwhile. The command's trace span
 * is in the trace of the request that wrote it.
 */
public final class CombinedInserts<T extends Aggregate> {

    /** At most this many in one command, the rest in the next (the benchmark's 32 clients make batches of about 8). */
    static final int MAX_BATCH = 100;

    private final Aggregates aggregates;
    private final Class<T> type;
    private final Queue<Waiting<T>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    public CombinedInserts(Aggregates aggregates, Class<T> type) {
        this.aggregates = aggregates;
        this.type = type;
    }

    /**
     * Inserts a new aggregate, with those other threads insert meanwhile, and returns once it is written.
     *
     * @throws OptimisticLockingFailureException if its id was taken
     * @throws DataAccessException if the command failed: then, as with an insert of its own, the store may or may
     *                             not have written the aggregate
     */
    public T insert(T aggregate) {
        Waiting<T> mine = new Waiting<>(aggregate, Thread.currentThread());
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (writing.tryLock()) {
                try {
                    if (!mine.done) {
                        writeBatch();
                    }
                }
                finally {
                    writing.unlock();
                    // a caller that queued while this one wrote, and found the lock taken, waits to be told to write
                    Waiting<T> next = queue.peek();
                    if (next != null) {
                        LockSupport.unpark(next.thread);
                    }
                }
            }
            else {
                LockSupport.park(this);
                // the aggregate is queued and will be written: an interrupt cannot take it back, so it is kept for
                // the caller rather than make park return at once from here on
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return aggregate;
    }

    /** How many callers wait for their aggregate to be written. */
    int waiting() {
        return queue.size();
    }

    private void writeBatch() {
        List<Waiting<T>> batch = new ArrayList<>();
        Waiting<T> next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        RuntimeException failure = null;
        Error error = null;
        try {
            aggregates.insertNew(type, batch.stream().map(waiting -> waiting.aggregate).toList());
        }
        catch (RuntimeException e) {
            failure = aggregates.translated(e);
        }
        catch (Error e) {
            // every caller in the batch must hear of it, not wait for ever
            failure = new IllegalStateException("The insert failed: " + e, e);
            error = e;
        }
        for (Waiting<T> waiting : batch) {
            if (failure != null) {
                waiting.failure = failure;
            }
            else if (waiting.aggregate.isNew()) {
                waiting.failure = Aggregates.createdMeanwhile(type, null);
            }
            waiting.done = true;
            LockSupport.unpark(waiting.thread);
        }
        if (error != null) {
            throw error;
        }
    }

    private static final class Waiting<T> {
        final T aggregate;
        final Thread thread;
        RuntimeException failure;
        volatile boolean done;

        Waiting(T aggregate, Thread thread) {
            this.aggregate = aggregate;
            this.thread = thread;
        }
    }
}
