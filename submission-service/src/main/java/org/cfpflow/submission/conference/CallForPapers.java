package org.cfpflow.submission.conference;

import java.time.Clock;
import java.util.Optional;

import org.cfpflow.messaging.OptimisticRetry;
import org.springframework.stereotype.Service;

/** The conference as the rest of the service sees it. */
@Service
public class CallForPapers {

    private final ConferenceRepository conferences;
    private final Clock clock;

    CallForPapers(ConferenceRepository conferences, Clock clock) {
        this.conferences = conferences;
        this.clock = clock;
    }

    public Optional<Conference> conference() {
        return conferences.findById(Conference.ID);
    }

    Conference define(ConferenceRequest request) {
        request.validate();
        return OptimisticRetry.retry(() -> {
            Conference conference = conference().orElseGet(Conference::create);
            if (conference.define(request, clock.instant()) || conference.isNew()) {
                return conferences.save(conference);
            }
            return conference;
        });
    }
}
