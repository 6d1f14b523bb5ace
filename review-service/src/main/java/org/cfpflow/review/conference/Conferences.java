package org.cfpflow.review.conference;

import org.cfpflow.messaging.ConferenceCopies;
import org.springframework.stereotype.Component;

/** This service's copy of the conference: whether review is blind, asked by every decision and every look. */
@Component
public class Conferences extends ConferenceCopies<Conference> {

    Conferences(ConferenceRepository conferences) {
        super(conferences, Conference::new);
    }
}
