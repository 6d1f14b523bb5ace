package org.cfpflow.review.conference;

import java.time.Duration;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.cfpflow.platform.ShortLived;
import org.springframework.stereotype.Component;

/** Keeps the conference settings from {@code cfp.conference}. Review is blind until a conference says otherwise. */
@Component
public class Conferences implements CfpEventHandler {

    private final ConferenceSettingsRepository settings;
    /** Every decision and every look at a proposal asks whether review is blind: one read a second, not each. */
    private final ShortLived<ConferenceSettings> cached;

    Conferences(ConferenceSettingsRepository settings) {
        this.settings = settings;
        this.cached = new ShortLived<>(Duration.ofSeconds(1), this::read);
    }

    /** The settings as read at most a second ago (at once after a change here): to read, not to change. */
    public ConferenceSettings current() {
        return cached.get();
    }

    private ConferenceSettings read() {
        return settings.findById(ConferenceSettings.ID).orElseGet(ConferenceSettings::new);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof ConferenceDefined defined) {
            ConferenceSettings current = read();
            if (current.markHandled(event.id())) {
                current.apply(defined);
                settings.save(current);
                cached.forget();
            }
        }
    }
}
