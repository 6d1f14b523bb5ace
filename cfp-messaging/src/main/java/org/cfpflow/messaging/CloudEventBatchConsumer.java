package org.cfpflow.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code cfpEvents} function of a service that consumes in batches ({@code consumer.batch-mode: true}): every
 * record of a poll goes to {@link CfpEventHandler#handleAll} at once. A failure names the record it is about
 * ({@link BatchListenerFailedException}): the records before it are committed, it is retried or dead-lettered as a
 * single record would be, and the ones after it come again.
 */
class CloudEventBatchConsumer implements Consumer<Message<List<byte[]>>> {

    private final List<CfpEventHandler> handlers;
    private final MeterRegistry meters;

    CloudEventBatchConsumer(List<CfpEventHandler> handlers, MeterRegistry meters) {
        this.handlers = List.copyOf(handlers);
        this.meters = meters;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<ReceivedEvent> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            ReceivedEvent event;
            try {
                event = CloudEventReader.read(new GenericMessage<>(payloads.get(i), recordHeaders(batch, i)));
            }
            catch (PoisonRecordException poison) {
                apply(events);
                throw new BatchListenerFailedException(poison.getMessage(), poison, i);
            }
            events.add(event);
        }
        apply(events);
    }

    /** One record's headers: the binder hands them over as one map per record, and the topics as one list. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordHeaders(Message<List<byte[]>> batch, int index) {
        Map<String, Object> headers = new HashMap<>();
        if (batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> all && index < all.size()) {
            headers.putAll((Map<String, Object>) all.get(index));
        }
        if (batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC) instanceof List<?> topics && index < topics.size()) {
            headers.put(KafkaHeaders.RECEIVED_TOPIC, topics.get(index));
        }
        return headers;
    }

    private void apply(List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (CfpEventHandler handler : handlers) {
            try {
                applyAll(handler, events);
            }
            catch (RuntimeException batchFailed) {
                applyOneByOne(handler, events);
            }
        }
        events.forEach(event -> meters.counter("cfp.events.consumed", "type", event.type()).increment());
    }

    /**
     * Finds the record a failed batch is about by applying its events one at a time (those applied already change
     * nothing again), and says which it is.
     */
    private static void applyOneByOne(CfpEventHandler handler, List<ReceivedEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            try {
                applyAll(handler, List.of(events.get(i)));
            }
            catch (RuntimeException e) {
                throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
            }
        }
    }

    private static void applyAll(CfpEventHandler handler, List<ReceivedEvent> events) {
        OptimisticRetry.retry(() -> {
            handler.handleAll(events);
            return null;
        });
    }
}
