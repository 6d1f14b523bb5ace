package org.cfpflow.notification.conference;

import java.time.Duration;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.cfpflow.platform.ShortLived;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the conference from {@code cfp.conference}. First of the handlers: each is given a whole poll, and the
 * e-mails of that poll are to be composed with the conference it defines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Conferences implements CfpEventHandler {

    private final ConferenceDirectoryRepository conferences;
    // read for every e-mail composed; changes once in a while
    private final ShortLived<ConferenceDirectory> cached;

    Conferences(ConferenceDirectoryRepository conferences) {
        this.conferences = conferences;
        this.cached = new ShortLived<>(Duration.ofSeconds(1), this::read);
    }

    public ConferenceDirectory current() {
        return cached.get();
    }

    private ConferenceDirectory read() {
        return conferences.findById(ConferenceDirectory.ID).orElseGet(ConferenceDirectory::new);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof ConferenceDefined defined) {
            ConferenceDirectory current = read();
            if (current.markHandled(event.id())) {
                current.apply(defined);
                conferences.save(current);
                cached.forget();
            }
        }
    }
}
