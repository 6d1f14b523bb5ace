package org.cfpflow.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.EventType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import tools.jackson.core.JacksonException;

/** Turns a Kafka record in CloudEvents binary mode into a {@link ReceivedEvent}, or says why it is poison. */
final class CloudEventReader {

    private CloudEventReader() {
    }

    static ReceivedEvent read(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String id = required(headers, CloudEventHeaders.ID);
        String typeName = required(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.fromTypeName(typeName)
                .orElseThrow(() -> new PoisonRecordException("unknown ce_type '" + typeName + "'"));
        Instant time = time(headers);
        byte[] body = message.getPayload();
        if (body == null || body.length == 0) {
            throw new PoisonRecordException("empty payload for " + typeName + " " + id);
        }
        CfpEvent payload;
        try {
            payload = EventJson.read(body, type.payloadType());
        }
        catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonRecordException("unreadable " + typeName + " payload: " + rootMessage(e), e);
        }
        String subject = header(headers, CloudEventHeaders.SUBJECT);
        return new ReceivedEvent(id, typeName, header(headers, CloudEventHeaders.SOURCE),
                subject != null ? subject : payload.subject(), time, header(headers, KafkaHeaders.RECEIVED_TOPIC),
                payload, header(headers, CloudEventHeaders.TRACEPARENT));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage();
    }

    private static Instant time(MessageHeaders headers) {
        String time = header(headers, CloudEventHeaders.TIME);
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        }
        catch (DateTimeParseException e) {
            throw new PoisonRecordException("ce_time is not an RFC 3339 time: " + time, e);
        }
    }

    private static String required(MessageHeaders headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("missing header " + name + " (has " + headers.keySet() + ")");
        }
        return value;
    }

    /**
     * Headers arrive as raw bytes from other producers, or as strings when Spring mapped them; Spring Cloud
     * Function may also rename {@code ce_x} to its canonical {@code ce-x} when it recognises a CloudEvent.
     */
    static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
