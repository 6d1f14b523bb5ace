package org.cfpflow.notification.intake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.cfpflow.messaging.CalendarLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The link to a speaker's own calendar of their published talks, served by the schedule-service
 * ({@code cfp.calendar.schedule-url}); none without {@code cfp.calendar.key}.
 */
@Component
class SpeakerCalendars {

    private final Optional<CalendarLinks> links;
    private final String scheduleUrl;

    SpeakerCalendars(@Value("${cfp.calendar.key:}") String key,
                     @Value("${cfp.calendar.schedule-url:http://localhost:8083}") String scheduleUrl) {
        this.links = CalendarLinks.of(key);
        this.scheduleUrl = scheduleUrl.replaceAll("/+$", "");
    }

    String urlOf(String conferenceId, String email) {
        return links.map(l -> scheduleUrl + "/" + UriUtils.encodePathSegment(conferenceId, StandardCharsets.UTF_8)
                + "/speakers/" + l.keyOf(conferenceId, email) + ".ics").orElse(null);
    }
}
