package org.cfpflow.messaging;

import java.time.Instant;
import java.util.UUID;

import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.EventType;

/**
 * An event waiting in its aggregate's document to be relayed. The payload is stored as JSON text so that
 * what is published is exactly what was decided when the state changed.
 */
public record PendingEvent(String eventId, String type, String topic, String key, Instant time, String payload) {

    public static PendingEvent of(CfpEvent event) {
        EventType type = EventType.of(event);
        return new PendingEvent(UUID.randomUUID().toString(), type.typeName(), type.topic(), event.subject(),
                Instant.now(), EventJson.write(event));
    }
}
