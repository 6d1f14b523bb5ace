package org.cfpflow.messaging;

import org.cfpflow.events.CfpEvent;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of event payloads, used by the producing and the consuming side alike. Offsets of
 * date-times are kept as sent: a slot's {@code start} says the conference's local offset.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(CfpEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Throws a {@link tools.jackson.core.JacksonException} for bad JSON or a payload its record refuses. */
    public static <T extends CfpEvent> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
