package org.cfpflow.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cfpflow.events.CfpEvent;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

/**
 * A MongoDB document that changes state and raises events in one write: the events wait in
 * {@code pendingEvents} until {@link OutboxRelay} has published them. It also remembers the {@code ce_id}s it
 * has handled, so that applying an incoming event and recording it are one write too.
 */
public abstract class Aggregate {

    static final String VERSION_FIELD = "version";

    static final String HANDLED_FIELD = "handledEventIds";

    @Version
    private Long version;

    private List<PendingEvent> pendingEvents = new ArrayList<>();

    private List<String> handledEventIds = new ArrayList<>();

    /** What {@link Aggregates#update} appends to the stored lists: raised and handled since the last write. */
    @Transient
    private List<PendingEvent> raisedSinceWritten = new ArrayList<>();

    @Transient
    private List<String> handledSinceWritten = new ArrayList<>();

    protected PendingEvent raise(CfpEvent event) {
        PendingEvent pending = PendingEvent.of(event);
        pendingEvents.add(pending);
        raisedSinceWritten.add(pending);
        return pending;
    }

    /**
     * Records that the event with this {@code ce_id} is being applied.
     *
     * @return false if it was applied before: the caller must then change nothing
     */
    public boolean markHandled(String eventId) {
        if (handledEventIds.contains(eventId)) {
            return false;
        }
        handledEventIds.add(eventId);
        handledSinceWritten.add(eventId);
        if (handledEventIds.size() > handledEventsKept()) {
            handledEventIds = new ArrayList<>(handledEventIds.subList(handledEventIds.size() - handledEventsKept(),
                    handledEventIds.size()));
        }
        return true;
    }

    /** Whether the event with this {@code ce_id} is among those this aggregate remembers having applied. */
    public boolean hasHandled(String eventId) {
        return handledEventIds.contains(eventId);
    }

    /**
     * How many handled ids the document keeps, the newest: all of them by default (an aggregate that sees few
     * events). An aggregate that every event of a conference changes keeps a bounded number, and must then apply
     * an event it no longer remembers idempotently by its state, so that its document does not grow with traffic.
     */
    protected int handledEventsKept() {
        return Integer.MAX_VALUE;
    }

    public List<PendingEvent> pendingEvents() {
        return Collections.unmodifiableList(pendingEvents);
    }

    public boolean isNew() {
        return version == null;
    }

    /** The version this copy was read at or last written as; null before its first save. */
    public Long version() {
        return version;
    }

    /** The version {@link Aggregates} wrote, as a repository's save sets it. */
    void version(Long written) {
        version = written;
        written();
    }

    List<PendingEvent> raisedSinceWritten() {
        return raisedSinceWritten;
    }

    List<String> handledSinceWritten() {
        return handledSinceWritten;
    }

    /**
     * After a write by update: the events raised are the store's (the relay removes them there once published),
     * so this copy forgets them rather than keep every event it ever raised.
     */
    void writtenByUpdate() {
        pendingEvents.removeAll(raisedSinceWritten);
        written();
    }

    /** After a write of the whole aggregate. */
    void written() {
        raisedSinceWritten = new ArrayList<>();
        handledSinceWritten = new ArrayList<>();
    }
}
