package org.cfpflow.schedule.live;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.cfpflow.schedule.timetable.Change;
import org.cfpflow.schedule.timetable.TimetableChanged;
import org.cfpflow.schedule.timetable.Timetables;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events streams. Each message carries the change's number as its id, so that a client
 * that reconnects with {@code Last-Event-ID} gets what it missed from the timetable's change log, then the rest live;
 * where the log no longer reaches back that far it gets {@code ready} again, and reloads the timetable.
 */
@Component
class LiveTimetable implements SmartLifecycle, DisposableBean {

    private final Timetables timetables;
    private volatile boolean running;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LiveTimetable(Timetables timetables) {
        this.timetables = timetables;
        heartbeat.scheduleAtFixedRate(this::keepAlive, 15, 15, TimeUnit.SECONDS);
    }

    SseEmitter subscribe(Long lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(emitter);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        var timetable = timetables.current();
        if (lastEventId == null || !timetable.canResumeAfter(lastEventId)) {
            // a new client, or one whose gap the log no longer covers (or an id of another timetable): a snapshot
            subscriber.ready(timetable.lastChangeId());
        }
        else {
            subscriber.send(timetable.changesAfter(lastEventId));
        }
        return emitter;
    }

    @EventListener
    void on(TimetableChanged changed) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.send(changed.changes())) {
                subscribers.remove(subscriber);
            }
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.comment("keep-alive")) {
                subscribers.remove(subscriber);
            }
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
        subscribers.forEach(s -> s.emitter.complete());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
    }

    /** One stream; never sends a change twice or out of order, whether it came from the log or live. */
    private static final class Subscriber {

        private final SseEmitter emitter;
        private long lastSent = -1;

        Subscriber(SseEmitter emitter) {
            this.emitter = emitter;
        }

        synchronized boolean ready(long changeId) {
            lastSent = changeId;
            return send(SseEmitter.event().id(Long.toString(changeId)).name("ready").data("{\"version\":" + changeId + "}",
                    MediaType.APPLICATION_JSON));
        }

        synchronized boolean send(List<Change> changes) {
            for (Change change : changes) {
                if (change.id() <= lastSent) {
                    continue;
                }
                if (!send(SseEmitter.event().id(Long.toString(change.id())).name(change.type())
                        .data(change.payload(), MediaType.APPLICATION_JSON))) {
                    return false;
                }
                lastSent = change.id();
            }
            return true;
        }

        synchronized boolean comment(String text) {
            return send(SseEmitter.event().comment(text));
        }

        private boolean send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
                return true;
            }
            catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
                return false;
            }
        }
    }
}
