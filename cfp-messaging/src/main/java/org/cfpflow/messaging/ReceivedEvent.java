package org.cfpflow.messaging;

import java.time.Instant;

import org.cfpflow.events.CfpEvent;

/**
 * An event as a consumer sees it: the CloudEvents attributes, the typed payload and the W3C {@code traceparent} it
 * was published with (may be null), which a batch consumer makes current while the event is applied.
 */
public record ReceivedEvent(String id, String type, String source, String subject, Instant time, String topic,
                            CfpEvent payload, String traceparent) {

    /** Runs what applies this event with its trace current: the events it raises then continue that trace. */
    public void runInItsTrace(Runnable action) {
        IncomingTrace.run(this, action);
    }
}
