package org.cfpflow.notification.conference;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.ConferenceCopy;
import org.springframework.data.mongodb.core.mapping.Document;

/** A conference as this service needs it: its name and time zone for the e-mails, its team for the e-mail log. */
@Document("conferences")
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
