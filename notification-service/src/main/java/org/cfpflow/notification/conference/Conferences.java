package org.cfpflow.notification.conference;

import org.cfpflow.messaging.ConferenceCopies;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * This service's copy of the conference, read for every e-mail composed. First of the handlers: each is given a
 * whole poll, and the e-mails of that poll are to be composed with the conference it defines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Conferences extends ConferenceCopies<Conference> {

    Conferences(ConferenceRepository conferences) {
        super(conferences, Conference::new);
    }

    /** The conference, if the caller organizes it: a {@code 404} while unknown here, a {@code 403} for others. */
    public Conference organizedBy(String conferenceId, org.springframework.security.core.Authentication caller) {
        Conference conference = find(conferenceId)
                .orElseThrow(() -> org.cfpflow.platform.Problems.notFound("No conference " + conferenceId));
        org.cfpflow.platform.TeamAccess.require(caller, conference.team(), org.cfpflow.events.TeamRole.ORGANIZER, null,
                conferenceId);
        return conference;
    }
}
