package org.cfpflow.review.conference;

import java.time.Instant;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.messaging.Aggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What this service needs to know of the conference: whether review is blind. */
@Document("conference")
public class ConferenceSettings extends Aggregate {

    static final String ID = "conference";

    @Id
    private String id = ID;
    private String title;
    private boolean blindReview = true;
    private Instant definedAt;

    /** Applies a definition unless a later one was applied already (they may arrive again after a restart). */
    void apply(ConferenceDefined defined) {
        if (definedAt != null && defined.definedAt().isBefore(definedAt)) {
            return;
        }
        title = defined.title();
        blindReview = defined.blindReview();
        definedAt = defined.definedAt();
    }

    public String title() {
        return title;
    }

    public boolean blindReview() {
        return blindReview;
    }
}
