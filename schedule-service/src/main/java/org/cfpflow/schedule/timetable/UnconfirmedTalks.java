package org.cfpflow.schedule.timetable;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every so often ({@code cfp.schedule.unconfirmed-every}, a minute), in each conference that gives unconfirmed
 * talks' slots away, sends the talks whose speakers have not confirmed by the deadline to the waitlist. Any replica
 * may do it: the timetable's revision lets one write win, and a second finds nothing left to do.
 */
@Component
class UnconfirmedTalks {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedTalks.class);

    private final Timetables timetables;
    private final Clock clock;

    UnconfirmedTalks(Timetables timetables, Clock clock) {
        this.timetables = timetables;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cfp.schedule.unconfirmed-every:60s}",
            initialDelayString = "${cfp.schedule.unconfirmed-every:60s}")
    void releaseLapsed() {
        for (String conferenceId : timetables.releasingUnconfirmed()) {
            try {
                timetables.releaseUnconfirmed(conferenceId, clock.instant());
            }
            catch (RuntimeException e) {
                // the next round tries again; one conference's trouble does not stop the others'
                log.warn("Could not release the unconfirmed talks of {}: {}", conferenceId, e.toString());
            }
        }
    }
}
