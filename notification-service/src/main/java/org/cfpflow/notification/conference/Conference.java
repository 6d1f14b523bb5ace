package org.cfpflow.notification.conference;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Confirmation;
import org.cfpflow.events.Publish;
import org.cfpflow.messaging.ConferenceCopy;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A conference as this service needs it: its name and time zone for the e-mails, its team for the e-mail log, how it
 * reminds accepted speakers to confirm, whether speakers hear of their slots by releases.
 */
@Document("conferences")
public class Conference extends ConferenceCopy {

    private String title;
    private String timezone;
    private Confirmation confirmation;
    private Publish publish;

    @Override
    protected void copy(ConferenceDefined defined) {
        title = defined.title();
        timezone = defined.timezone();
        confirmation = defined.confirmation();
        publish = defined.publish();
    }

    /** Whether speakers hear of their slots when a release is made (and not of each placement and move). */
    public boolean publishesReleases() {
        return publish == Publish.RELEASES;
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
