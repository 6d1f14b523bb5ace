package org.cfpflow.messaging;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Wakes the relay as soon as an aggregate with pending events is written, so events leave within milliseconds; and
 * tells it of every write, so its full scans wait for a quiet moment.
 */
class OutboxWakeUp extends AbstractMongoEventListener<Aggregate> {

    private final OutboxRelay relay;

    OutboxWakeUp(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Aggregate> event) {
        relay.written();
        if (!event.getSource().pendingEvents().isEmpty()) {
            relay.wakeUp(event.getCollectionName(), event.getDocument() == null ? null : event.getDocument().get("_id"));
        }
    }
}
