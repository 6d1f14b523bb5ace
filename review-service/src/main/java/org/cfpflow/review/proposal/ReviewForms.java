package org.cfpflow.review.proposal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** What the HTML board's forms submit, turned into the same requests the JSON API takes. */
@Component
public class ReviewForms {

    private final Reviews reviews;

    ReviewForms(Reviews reviews) {
        this.reviews = reviews;
    }

    public void review(String id, Authentication caller, Integer score, String comment) {
        reviews.review(id, caller, new ReviewRequest(score, comment));
    }

    public void decide(String id, Authentication caller, String decision, String note) {
        reviews.decide(id, caller, new DecisionRequest(decision, note));
    }
}
