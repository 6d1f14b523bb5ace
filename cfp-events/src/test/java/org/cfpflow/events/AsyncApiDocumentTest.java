package org.cfpflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps {@code docs/asyncapi.json} (AsyncAPI 3) true to this module: it is generated here from {@link EventType}
 * and the payload records, and must equal the committed copy. To update it after changing an event:
 * {@code ./mvnw -pl cfp-events test -Dcfp.asyncapi.write=true}.
 */
class AsyncApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path COMMITTED = Path.of("../docs/asyncapi.json");
    private static final Map<String, String> PRODUCERS = Map.of(Topics.CONFERENCE, "submission-service",
            Topics.PROPOSALS, "submission-service", Topics.DECISIONS, "review-service",
            Topics.SCHEDULE, "schedule-service", Topics.NOTIFICATIONS, "notification-service");

    @Test
    void theCommittedAsyncApiDocumentDescribesEveryEventAsTheCodeDoes() throws Exception {
        ObjectNode generated = document();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/asyncapi.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated));
        if (Boolean.getBoolean("cfp.asyncapi.write")) {
            Files.writeString(COMMITTED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
        }
        JsonNode committed = JSON.readTree(COMMITTED.toFile());
        assertThat(committed).as("docs/asyncapi.json is stale: regenerate it with "
                + "./mvnw -pl cfp-events test -Dcfp.asyncapi.write=true").isEqualTo(generated);
        for (EventType type : EventType.values()) {
            assertThat(committed.path("channels").path(type.topic()).path("messages").has(type.typeName())).isTrue();
            assertThat(committed.path("components").path("schemas").has(type.typeName())).isTrue();
        }
    }

    private static ObjectNode document() {
        ObjectNode root = JSON.createObjectNode();
        root.put("asyncapi", "3.0.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "CfP Flow events");
        info.put("version", "2.0.0");
        info.put("description", "Every event between the services: Kafka topics, CloudEvents 1.0 binary mode "
                + "(ce_* headers, JSON payload), keyed by proposal id (conference id on cfp.conference); every payload names its conference (conferenceId, its acronym). "
                + "Consumers are tolerant readers: they ignore payload properties they do not know, so a producer "
                + "may add properties without its events going to a dead-letter topic; removing or changing one "
                + "is a new event type. (Request bodies of the HTTP APIs, by contrast, are read strictly.) "
                + "Generated from cfp-events by AsyncApiDocumentTest.");
        root.put("defaultContentType", "application/json");
        ObjectNode servers = root.putObject("servers");
        servers.putObject("kafka").put("host", "localhost:9092").put("protocol", "kafka");
        ObjectNode channels = root.putObject("channels");
        ObjectNode operations = root.putObject("operations");
        ObjectNode components = root.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventHeaders", cloudEventHeaders());
        for (String topic : PRODUCERS.keySet().stream().sorted().toList()) {
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("description", "Dead letters of a consuming group: " + Topics.deadLetter(topic, "<group>"));
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("publish-" + topic);
            operation.put("action", "send");
            operation.put("summary", PRODUCERS.get(topic) + " publishes through its outbox relay");
            operation.putObject("channel").put("$ref", "#/channels/" + topic);
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventType type : EventType.values()) {
                if (!type.topic().equals(topic)) {
                    continue;
                }
                channelMessages.putObject(type.typeName()).put("$ref", "#/components/messages/" + type.typeName());
                operationMessages.addObject().put("$ref", "#/channels/" + topic + "/messages/" + type.typeName());
                ObjectNode message = messages.putObject(type.typeName());
                message.put("name", type.typeName());
                message.put("title", type.typeName() + " (ce_type)");
                message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
                message.putObject("payload").put("$ref", "#/components/schemas/" + type.typeName());
                message.putObject("bindings").putObject("kafka").putObject("key").put("type", "string")
                        .put("description", topic.equals(Topics.CONFERENCE) ? "conference id" : "proposal id");
                addSchema(type.payloadType(), schemas);
            }
        }
        return root;
    }

    private static ObjectNode cloudEventHeaders() {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        for (String header : List.of("ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject",
                "content-type", "traceparent")) {
            properties.putObject(header).put("type", "string");
        }
        ((ObjectNode) properties.get("ce_id")).put("description", "unique per event: the consumers' idempotency key");
        ((ObjectNode) properties.get("ce_specversion")).putArray("enum").add("1.0");
        ((ObjectNode) properties.get("ce_time")).put("format", "date-time");
        ((ObjectNode) properties.get("traceparent")).put("description", "W3C trace context of the change (optional)");
        ArrayNode required = headers.putArray("required");
        List.of("ce_id", "ce_type", "ce_source", "ce_specversion").forEach(required::add);
        return headers;
    }

    private static void addSchema(Class<?> record, ObjectNode schemas) {
        if (schemas.has(record.getSimpleName())) {
            return;
        }
        ObjectNode schema = schemas.putObject(record.getSimpleName());
        schema.put("type", "object");
        schema.put("additionalProperties", true);
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            if (renamed == null) {
                renamed = Arrays.stream(record.getDeclaredFields()).filter(f -> f.getName().equals(component.getName()))
                        .findFirst().map(f -> f.getAnnotation(JsonProperty.class)).orElse(null);
            }
            String name = renamed != null ? renamed.value() : component.getName();
            properties.set(name, typeSchema(component.getGenericType(), schemas));
        }
    }

    private static ObjectNode typeSchema(Type type, ObjectNode schemas) {
        ObjectNode schema = JSON.createObjectNode();
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            schema.put("type", "array");
            schema.set("items", typeSchema(list.getActualTypeArguments()[0], schemas));
        }
        else if (type == String.class) {
            schema.put("type", "string");
        }
        else if (type == int.class || type == Integer.class) {
            schema.put("type", "integer");
        }
        else if (type == boolean.class) {
            schema.put("type", "boolean");
        }
        else if (type == Instant.class || type == OffsetDateTime.class) {
            schema.put("type", "string").put("format", "date-time");
        }
        else if (type == java.time.Duration.class) {
            schema.put("type", "string").put("format", "duration");
        }
        else if (type == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        }
        else if (type == LocalDateTime.class) {
            schema.put("type", "string").put("description", "local date-time of the conference's zone");
        }
        else if (type instanceof Class<?> constants && constants.isEnum()) {
            ArrayNode names = schema.put("type", "string").putArray("enum");
            Arrays.stream(constants.getEnumConstants()).forEach(constant -> names.add(((Enum<?>) constant).name()));
        }
        else if (type instanceof Class<?> record && record.isRecord()) {
            addSchema(record, schemas);
            schema.put("$ref", "#/components/schemas/" + record.getSimpleName());
        }
        else {
            throw new IllegalStateException("no schema for " + type);
        }
        return schema;
    }
}
