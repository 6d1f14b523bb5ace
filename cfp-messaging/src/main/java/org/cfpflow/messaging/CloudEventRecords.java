package org.cfpflow.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.cfpflow.events.CfpEvent;

/** Kafka records in CloudEvents binary mode: the one place that says how an event looks on the wire. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** A new event (fresh {@code ce_id}), as {@code source} would publish it. */
    public static ProducerRecord<String, byte[]> of(CfpEvent event, String source) {
        return of(PendingEvent.of(event), source);
    }

    public static ProducerRecord<String, byte[]> of(PendingEvent event, String source) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, event.eventId());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.TYPE, event.type());
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME, event.time().toString());
        header(record, CloudEventHeaders.SUBJECT, event.key());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.traceparent() != null) {
            header(record, CloudEventHeaders.TRACEPARENT, event.traceparent());
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
