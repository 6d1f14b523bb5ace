package org.cfpflow.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cfpflow.events.CfpEvent;
import org.springframework.data.annotation.Version;

/**
 * A MongoDB document that changes state and raises events in one write: the events wait in
 * {@code pendingEvents} until {@link OutboxRelay} has published them. It also remembers the {@code ce_id}s it
 * has handled, so that applying an incoming event and recording it are one write too.
 */
public abstract class Aggregate {

    static final String VERSION_FIELD = "version";

    @Version
    private Long version;

    private List<PendingEvent> pendingEvents = new ArrayList<>();

    private List<String> handledEventIds = new ArrayList<>();

    protected PendingEvent raise(CfpEvent event) {
        PendingEvent pending = PendingEvent.of(event);
        pendingEvents.add(pending);
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
        return true;
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

    /**
     * Takes the version and pending events of the stored copy, for a service that keeps the copy it last wrote and
     * knows the content stored is still that: only the relay has written since, removing the events it published.
     */
    public void refreshOutbox(Aggregate stored) {
        version = stored.version;
        pendingEvents = new ArrayList<>(stored.pendingEvents);
    }

    /** The version {@link Aggregates} wrote, as a repository's save sets it. */
    void version(Long written) {
        version = written;
    }
}
