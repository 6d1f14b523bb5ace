package org.cfpflow.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.cfpflow.local.JsonHttp;

/**
 * A bounded burst from 127.0.0.1: {@code count} proposals offered at a fixed rate (open loop: a slow answer does not
 * slow the offer), by speakers who give several talks each; a quarter of them accepted and a quarter rejected by a
 * decider as soon as the review-service knows them. Only what the system acknowledged is remembered: a {@code 201}
 * for a proposal, a {@code 200} for a decision.
 */
final class Burst {

    record Proposal(String id, int index, List<String> speakerEmails) {
    }

    private static final int CLIENTS = 8;
    private static final long DECISION_GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(6);

    private final JsonHttp submission;
    private final JsonHttp decider;
    private final String track;
    private final List<Integer> durations;
    private final int count;
    private final double perSecond;
    private final String run;
    private final int speakerPool;

    final Map<String, Proposal> acknowledged = new ConcurrentHashMap<>();
    final Map<String, String> decisions = new ConcurrentHashMap<>();
    final AtomicInteger offered = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger undecided = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final DelayQueue<PendingDecision> pending = new DelayQueue<>();
    private final AtomicInteger decisionsOpen = new AtomicInteger();

    Burst(JsonHttp submission, JsonHttp decider, String track, List<Integer> durations, int count, double perSecond,
          String run) {
        this.submission = submission;
        this.decider = decider;
        this.track = track;
        this.durations = durations;
        this.count = count;
        this.perSecond = perSecond;
        this.run = run;
        this.speakerPool = Math.max(2, count / 3);
    }

    /** Runs the burst to its end: every proposal offered, every decision acknowledged (or given up on). */
    void run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            work.add(pool.submit(() -> submitPaced(start)));
        }
        for (int d = 0; d < 2; d++) {
            work.add(pool.submit(this::decide));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    private Void submitPaced(long start) {
        int i;
        while ((i = next.getAndIncrement()) < count) {
            long due = start + (long) (i * 1e9 / perSecond);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            List<String> emails = new ArrayList<>();
            List<Map<String, String>> speakers = new ArrayList<>();
            for (int k : i % 3 == 0 ? new int[] {i % speakerPool, (i * 7 + 3) % speakerPool} : new int[] {i % speakerPool}) {
                String email = "s" + k + "-" + run + "@example.org";
                if (!emails.contains(email)) {
                    emails.add(email);
                    speakers.add(Map.of("name", "Speaker " + k + " " + run, "email", email));
                }
            }
            JsonHttp.Response response = submission.send("POST", "/api/conferences/" + FaultSuite.CONFERENCE + "/proposals", Map.of(
                    "title", "Fault " + run + " #" + i, "abstract", "What breaks, and how it heals.",
                    "description", "Proposal " + i + " of a fault-suite burst.", "track", track,
                    "durationMinutes", durations.get(i % durations.size()), "speakers", speakers));
            offered.incrementAndGet();
            if (response.status() == 201) {
                String id = response.json().path("id").asString();
                acknowledged.put(id, new Proposal(id, i, emails));
                if (i % 4 < 2) {
                    decisionsOpen.incrementAndGet();
                    pending.add(new PendingDecision(id, i % 4 == 0 ? "ACCEPT" : "REJECT", System.nanoTime(), 0, 0));
                }
            }
            else {
                refused.incrementAndGet();
            }
        }
        return null;
    }

    private Void decide() throws InterruptedException {
        while (next.get() < count || decisionsOpen.get() > 0) {
            PendingDecision decision = pending.poll(200, TimeUnit.MILLISECONDS);
            if (decision == null) {
                continue;
            }
            JsonHttp.Response response = decider.send("POST", "/api/reviews/proposals/" + decision.id + "/decision",
                    Map.of("decision", decision.decision, "note", "fault suite"));
            if (response.status() == 200) {
                decisions.put(decision.id, decision.decision);
                decisionsOpen.decrementAndGet();
            }
            else if (System.nanoTime() - decision.firstTry > DECISION_GIVE_UP_NANOS) {
                undecided.incrementAndGet();
                decisionsOpen.decrementAndGet();
            }
            else {
                // not known to the review-service yet, or it is down: ask again shortly (same decision: idempotent)
                pending.add(decision.later());
            }
        }
        return null;
    }

    int progress() {
        return Math.min(next.get(), count);
    }

    private record PendingDecision(String id, String decision, long firstTry, long notBefore, int tries)
            implements Delayed {

        /** Again after a back-off (0.3 s doubling to 5 s), as a polite client would: no retry storm on a restart. */
        PendingDecision later() {
            long wait = Math.min(5_000, 300L << Math.min(tries, 5));
            return new PendingDecision(id, decision, firstTry, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait),
                    tries + 1);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(notBefore - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
