package org.cfpflow.notification.conference;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Confirmation;
import org.cfpflow.messaging.ConferenceCopy;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A conference as this service needs it: its name and time zone for the e-mails, its team for the e-mail log, how it
 * reminds accepted speakers to confirm.
 */
@Document("conferences")
public class Conference extends ConferenceCopy {

    private String title;
    private String timezone;
    private Confirmation confirmation;

    @Override
    protected void copy(ConferenceDefined defined) {
        title = defined.title();
        timezone = defined.timezone();
        confirmation = defined.confirmation();
    }

    /** How its accepted speakers are reminded to confirm, if they are. */
    public Optional<Confirmation> confirmation() {
        return Optional.ofNullable(confirmation);
    }

    public String title() {
        return title == null ? "the conference" : title;
    }

    public ZoneId zone() {
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }
}
