package org.cfpflow.messaging;

import java.time.Instant;
import java.util.UUID;

import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.EventType;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * An event waiting in its aggregate's document to be relayed. The payload is stored as JSON text so that
 * what is published is exactly what was decided when the state changed; {@code traceparent} (W3C, may be null)
 * is the trace the change happened in, so that the event continues it on the consumer's side.
 */
public record PendingEvent(String eventId, String type, String topic, String key, Instant time, String payload,
                           String traceparent) {

    public static PendingEvent of(CfpEvent event) {
        EventType type = EventType.of(event);
        return new PendingEvent(UUID.randomUUID().toString(), type.typeName(), type.topic(), event.subject(),
                Instant.now(), EventJson.write(event), currentTraceparent());
    }

    private static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }
}
