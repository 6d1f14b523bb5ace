package org.cfpflow.notification.conference;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.springframework.stereotype.Component;

/** Keeps the conference from {@code cfp.conference}. */
@Component
public class Conferences implements CfpEventHandler {

    private final ConferenceDirectoryRepository conferences;

    Conferences(ConferenceDirectoryRepository conferences) {
        this.conferences = conferences;
    }

    public ConferenceDirectory current() {
        return conferences.findById(ConferenceDirectory.ID).orElseGet(ConferenceDirectory::new);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof ConferenceDefined defined) {
            ConferenceDirectory current = current();
            if (current.markHandled(event.id())) {
                current.apply(defined);
                conferences.save(current);
            }
        }
    }
}
