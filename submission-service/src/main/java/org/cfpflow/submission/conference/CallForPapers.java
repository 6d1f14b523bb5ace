package org.cfpflow.submission.conference;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.messaging.ShortLived;
import org.springframework.stereotype.Service;

/** The conference as the rest of the service sees it. */
@Service
public class CallForPapers {

    private final ConferenceRepository conferences;
    private final Clock clock;
    // every submission checks the call; the conference changes once in a while (another replica's change shows
    // within a second)
    private final ShortLived<Optional<Conference>> cached;

    CallForPapers(ConferenceRepository conferences, Clock clock) {
        this.conferences = conferences;
        this.clock = clock;
        this.cached = new ShortLived<>(Duration.ofSeconds(1), () -> conferences.findById(Conference.ID));
    }

    public Optional<Conference> conference() {
        return cached.get();
    }

    Conference define(ConferenceRequest request) {
        request.validate();
        return OptimisticRetry.retry(() -> {
            Conference conference = conferences.findById(Conference.ID).orElseGet(Conference::create);
            if (conference.define(request, clock.instant()) || conference.isNew()) {
                Conference saved = conferences.save(conference);
                cached.forget();
                return saved;
            }
            return conference;
        });
    }
}
