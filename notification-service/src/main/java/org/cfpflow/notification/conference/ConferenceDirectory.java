package org.cfpflow.notification.conference;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.Aggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The conference's name and time zone, for the e-mails. */
@Document("conference")
public class ConferenceDirectory extends Aggregate {

    static final String ID = "conference";

    @Id
    private String id = ID;
    private String title;
    private String timezone;
    private Instant definedAt;

    void apply(ConferenceDefined defined) {
        if (definedAt == null || !defined.definedAt().isBefore(definedAt)) {
            title = defined.title();
            timezone = defined.timezone();
            definedAt = defined.definedAt();
        }
    }

    public String title() {
        return title == null ? "the conference" : title;
    }

    public ZoneId zone() {
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }
}
