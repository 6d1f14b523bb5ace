package org.cfpflow.review.conference;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.ConferenceCopy;
import org.springframework.data.mongodb.core.mapping.Document;

/** The conference as this service needs it: its title, and whether review is blind (it is until defined). */
@Document("conference")
public class Conference extends ConferenceCopy {

    private String title;
    private boolean blindReview = true;

    @Override
    protected void copy(ConferenceDefined defined) {
        title = defined.title();
        blindReview = defined.blindReview();
    }

    public String title() {
        return title;
    }

    public boolean blindReview() {
        return blindReview;
    }
}
