package org.cfpflow.notification.conference;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.ConferenceCopy;
import org.springframework.data.mongodb.core.mapping.Document;

/** The conference as this service needs it: its name and time zone, for the e-mails. */
@Document("conference")
public class Conference extends ConferenceCopy {

    private String title;
    private String timezone;

    @Override
    protected void copy(ConferenceDefined defined) {
        title = defined.title();
        timezone = defined.timezone();
    }

    public String title() {
        return title == null ? "the conference" : title;
    }

    public ZoneId zone() {
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }
}
