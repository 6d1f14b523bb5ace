package org.cfpflow.review.conference;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.springframework.stereotype.Component;

/** Keeps the conference settings from {@code cfp.conference}. Review is blind until a conference says otherwise. */
@Component
public class Conferences implements CfpEventHandler {

    private final ConferenceSettingsRepository settings;

    Conferences(ConferenceSettingsRepository settings) {
        this.settings = settings;
    }

    public ConferenceSettings current() {
        return settings.findById(ConferenceSettings.ID).orElseGet(ConferenceSettings::new);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof ConferenceDefined defined) {
            ConferenceSettings current = current();
            if (current.markHandled(event.id())) {
                current.apply(defined);
                settings.save(current);
            }
        }
    }
}
