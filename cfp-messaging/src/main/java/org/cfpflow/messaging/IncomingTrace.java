package org.cfpflow.messaging;

import java.util.List;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Makes an event's trace current while it is applied, so that the events it causes continue that trace. A record
 * listener's observation does this already; a batch has one listener call for many traces.
 */
final class IncomingTrace {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(CloudEventHeaders.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return CloudEventHeaders.TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private IncomingTrace() {
    }

    static void run(ReceivedEvent event, Runnable action) {
        String traceparent = event.traceparent();
        if (traceparent == null || traceparent.contains(Span.current().getSpanContext().getTraceId())) {
            // no trace to continue, or its span is current already (the record listener's observation)
            action.run();
            return;
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
        try (Scope scope = context.makeCurrent()) {
            action.run();
        }
    }
}
