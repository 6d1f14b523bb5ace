package org.cfpflow.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;

/** The {@code cfpEvents} function every service binds to the topics it consumes. */
class CloudEventConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(CloudEventConsumer.class);

    private final List<CfpEventHandler> handlers;
    private final MeterRegistry meters;

    CloudEventConsumer(List<CfpEventHandler> handlers, MeterRegistry meters) {
        this.handlers = List.copyOf(handlers);
        this.meters = meters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        ReceivedEvent event = CloudEventReader.read(message);
        log.debug("Handling {} {} for {}", event.type(), event.id(), event.subject());
        for (CfpEventHandler handler : handlers) {
            // an optimistic-locking conflict is common under load (the relay's removal of published events bumps
            // the version right after each save): handled again at once on a fresh read, not through the
            // listener's back-off, which would hold up every later record of the partition for seconds
            OptimisticRetry.retry(() -> {
                handler.handle(event);
                return null;
            });
        }
        meters.counter("cfp.events.consumed", "type", event.type()).increment();
    }
}
