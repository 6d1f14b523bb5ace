package org.cfpflow.messaging;

import java.time.Instant;

import org.cfpflow.events.CfpEvent;

/** An event as a consumer sees it: the CloudEvents attributes and the typed payload. */
public record ReceivedEvent(String id, String type, String source, String subject, Instant time, String topic,
                            CfpEvent payload) {
}
