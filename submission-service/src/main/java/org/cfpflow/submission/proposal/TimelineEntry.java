package org.cfpflow.submission.proposal;

import java.time.Instant;

import org.cfpflow.messaging.PendingEvent;
import org.cfpflow.messaging.ReceivedEvent;

/** One event in a proposal's history: when, what, from which service, on which topic. */
public record TimelineEntry(Instant time, String type, String source, String topic, String eventId) {

    static TimelineEntry of(PendingEvent event, String source) {
        return new TimelineEntry(event.time(), event.type(), source, event.topic(), event.eventId());
    }

    static TimelineEntry of(ReceivedEvent event) {
        return new TimelineEntry(event.time() != null ? event.time() : Instant.now(), event.type(), event.source(),
                event.topic(), event.id());
    }
}
