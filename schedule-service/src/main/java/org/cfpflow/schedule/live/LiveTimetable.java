package org.cfpflow.schedule.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.cfpflow.platform.Problems;
import org.cfpflow.schedule.timetable.Change;
import org.cfpflow.schedule.timetable.Timetable;
import org.cfpflow.schedule.timetable.TimetableChanged;
import org.cfpflow.schedule.timetable.Timetables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The open Server-Sent Events streams, each of one conference's timetable. Each message carries the change's number as its id, so that a client
 * that reconnects with {@code Last-Event-ID} gets what it missed from the timetable's change log, then the rest live;
 * where the log no longer reaches back that far it gets {@code ready} again, and reloads the timetable.
 * <p>
 * Nobody waits for a reader: a change is queued for each stream and written by a sender thread of that stream's own,
 * so a reader that stops reading holds up neither the consumer that applies changes nor the other streams; once
 * more changes wait for it than {@link StreamLimits#maxPending()}, it is dropped (and may resume from the log).
 * Streams are capped per client address and in total, and end after {@link StreamLimits#timeout()}.
 * <p>
 * A replica hears of its own changes in-process and of the other replicas' through {@link OtherReplicas}, the latter
 * possibly after its own later ones: a stream that would skip a change number catches up from the store first.
 */
@Component
@EnableConfigurationProperties(StreamLimits.class)
class LiveTimetable implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveTimetable.class);
    /** How soon an EventSource should come back after its stream ended. */
    private static final long RECONNECT_MILLIS = 1_000;

    private final Timetables timetables;
    private final StreamLimits limits;
    private final Counter drops;
    private volatile boolean running;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** The {@code ce_id}s of the events this replica raised lately, to skip its own on {@code cfp.schedule}. */
    private final Cache<String, Boolean> raisedHere = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    /** A thread per stream that has something to write (none while idle): a blocked write blocks only its stream. */
    private final ThreadPoolExecutor senders;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sse-heartbeat"));

    LiveTimetable(Timetables timetables, StreamLimits limits, MeterRegistry meters) {
        this.timetables = timetables;
        this.limits = limits;
        this.drops = Counter.builder("cfp.stream.dropped")
                .description("Live timetable streams dropped because their reader fell behind").register(meters);
        // a sending task per stream at most, and one that ends it: never more threads than twice the streams
        this.senders = new ThreadPoolExecutor(0, 2 * limits.maxTotal() + 2, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "sse-sender"));
        heartbeat.scheduleAtFixedRate(this::keepAlive, 15, 15, TimeUnit.SECONDS);
    }

    /**
     * A stream of the changes of the conference's working timetable, for whoever may see it
     * ({@link Timetables#working}); a {@code 404} for a conference not known here.
     */
    SseEmitter subscribe(String conferenceId, Authentication caller, String client, Long lastEventId) {
        Timetable timetable = timetables.working(conferenceId, caller);
        Subscriber subscriber = admit(conferenceId, client);
        SseEmitter emitter = subscriber.emitter;
        emitter.onCompletion(() -> remove(subscriber));
        // at its timeout the stream ends as any other (not with a 503): the EventSource comes back by its last id
        emitter.onTimeout(() -> {
            remove(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> remove(subscriber));
        if (lastEventId == null || !timetable.canResumeAfter(lastEventId)) {
            // a new client, or one whose gap the log no longer covers (or an id of another timetable): a snapshot
            subscriber.ready(timetable.lastChangeId());
        }
        else {
            // the answer starts now, even when nothing was missed, and says how soon to come back after it ends
            subscriber.resumed();
            subscriber.offer(timetable.changesAfter(lastEventId));
        }
        return emitter;
    }

    private synchronized Subscriber admit(String conferenceId, String client) {
        if (subscribers.size() >= limits.maxTotal()) {
            throw refusal(HttpStatus.SERVICE_UNAVAILABLE, "The live timetable has as many readers as it serves; try again soon");
        }
        AtomicInteger mine = perClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (mine.get() >= limits.maxPerClient()) {
            throw refusal(HttpStatus.TOO_MANY_REQUESTS, "Your address has " + limits.maxPerClient()
                    + " live timetable streams open already");
        }
        mine.incrementAndGet();
        Subscriber subscriber = new Subscriber(conferenceId, client, new SseEmitter(limits.timeout().toMillis()));
        subscribers.add(subscriber);
        return subscriber;
    }

    private synchronized void remove(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            AtomicInteger mine = perClient.get(subscriber.client);
            if (mine != null && mine.decrementAndGet() <= 0) {
                perClient.remove(subscriber.client);
            }
        }
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        ErrorResponseException refusal = Problems.problem(status, detail, Map.of());
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
        return refusal;
    }

    /**
     * Queues the changes for every stream of their conference; writes nothing itself, so the consumer calling it
     * never waits.
     */
    @EventListener
    void on(TimetableChanged changed) {
        changed.eventIds().forEach(id -> raisedHere.put(id, Boolean.TRUE));
        Timetable stored = null;
        for (Subscriber subscriber : subscribers) {
            if (subscriber.conferenceId.equals(changed.conferenceId())) {
                if (subscriber.wouldSkipSomeBefore(changed.changes())) {
                    // another replica's change this one has not heard of yet: once these are queued, the stream's
                    // filter would drop it when it comes; so the stream catches up from the store first, which has it
                    stored = stored != null ? stored : timetables.current(changed.conferenceId());
                    subscriber.catchUp(stored);
                }
                subscriber.offer(changed.changes());
            }
        }
    }

    /** Whether this replica raised the event with this {@code ce_id} (and so has streamed its change already). */
    boolean raisedHere(String eventId) {
        return raisedHere.getIfPresent(eventId) != null;
    }

    /**
     * Another replica changed the conference's timetable: each of its streams gets, from the stored timetable, the
     * changes it has not had (or {@code ready} again, where the log no longer reaches back to its last one). One read
     * for all its streams, none while nobody listens.
     */
    void catchUp(String conferenceId) {
        List<Subscriber> listening = subscribers.stream().filter(s -> s.conferenceId.equals(conferenceId)).toList();
        if (listening.isEmpty()) {
            return;
        }
        Timetable timetable = timetables.current(conferenceId);
        for (Subscriber subscriber : listening) {
            subscriber.catchUp(timetable);
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            subscriber.comment("keep-alive");
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the open streams before the web server's graceful shutdown (a later phase), which would otherwise wait
     * its whole timeout for these never-ending requests. Clients reconnect with {@code Last-Event-ID}.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.forEach(Subscriber::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        senders.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One stream; never sends a change twice or out of order, whether it came from the log or live. */
    private final class Subscriber {

        private final String conferenceId;
        private final String client;
        private final SseEmitter emitter;
        private final Queue<SseEmitter.SseEventBuilder> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicBoolean sending = new AtomicBoolean();
        private volatile boolean dropped;
        /** The last change queued; only {@link #offer} and {@link #ready} (synchronized) touch it. */
        private long lastQueued = -1;

        Subscriber(String conferenceId, String client, SseEmitter emitter) {
            this.conferenceId = conferenceId;
            this.client = client;
            this.emitter = emitter;
        }

        synchronized void ready(long changeId) {
            lastQueued = changeId;
            enqueue(SseEmitter.event().id(Long.toString(changeId)).name("ready").reconnectTime(RECONNECT_MILLIS)
                    .data("{\"version\":" + changeId + "}", MediaType.APPLICATION_JSON));
        }

        synchronized void catchUp(Timetable timetable) {
            if (timetable.lastChangeId() <= lastQueued) {
                return;
            }
            if (timetable.canResumeAfter(lastQueued)) {
                offer(timetable.changesAfter(lastQueued));
            }
            else {
                ready(timetable.lastChangeId());
            }
        }

        /** Whether the first of these changes comes after one this stream has not had (change numbers have no gaps). */
        synchronized boolean wouldSkipSomeBefore(List<Change> changes) {
            return changes.stream().filter(change -> change.id() > lastQueued).findFirst()
                    .map(first -> first.id() > lastQueued + 1).orElse(false);
        }

        synchronized void offer(List<Change> changes) {
            List<Change> fresh = changes.stream().filter(change -> change.id() > lastQueued).toList();
            if (fresh.size() > limits.maxPending()) {
                // more at once than a stream may have waiting (blocks replaced, say): a reload is quicker anyway
                ready(fresh.get(fresh.size() - 1).id());
                return;
            }
            for (Change change : fresh) {
                if (change.id() > lastQueued) {
                    lastQueued = change.id();
                    enqueue(SseEmitter.event().id(Long.toString(change.id())).name(change.type())
                            .data(change.payload(), MediaType.APPLICATION_JSON));
                }
            }
        }

        void resumed() {
            enqueue(SseEmitter.event().comment("resumed").reconnectTime(RECONNECT_MILLIS));
        }

        void comment(String text) {
            enqueue(SseEmitter.event().comment(text));
        }

        /** Ends the stream from the server's side; the client reconnects. */
        void end() {
            dropped = true;
            senders.execute(emitter::complete);
        }

        private void enqueue(SseEmitter.SseEventBuilder event) {
            if (dropped) {
                return;
            }
            if (queued.incrementAndGet() > limits.maxPending()) {
                log.info("Dropping a live timetable stream of {}: {} changes wait for it to read", client, limits.maxPending());
                drops.increment();
                drop(null);
                return;
            }
            queue.add(event);
            if (sending.compareAndSet(false, true)) {
                senders.execute(this::send);
            }
        }

        private void send() {
            try {
                SseEmitter.SseEventBuilder event;
                while (!dropped && (event = queue.poll()) != null) {
                    queued.decrementAndGet();
                    emitter.send(event);
                }
            }
            catch (IOException | IllegalStateException e) {
                drop(e);
            }
            finally {
                sending.set(false);
            }
            if (!dropped && !queue.isEmpty() && sending.compareAndSet(false, true)) {
                senders.execute(this::send);
            }
        }

        private void drop(Exception cause) {
            dropped = true;
            queue.clear();
            remove(this);
            if (cause != null) {
                emitter.completeWithError(cause);
            }
            else {
                senders.execute(emitter::complete);
            }
        }
    }
}
