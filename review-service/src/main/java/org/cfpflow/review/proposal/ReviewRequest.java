package org.cfpflow.review.proposal;

import org.cfpflow.platform.Violations;

/** {@code POST /api/reviews/proposals/{id}}. */
record ReviewRequest(Integer score, String comment) {

    void validate() {
        Violations violations = new Violations();
        if (violations.required(score, "score")) {
            violations.check(score >= 1 && score <= 5, "score", "must be a whole number from 1 to 5");
        }
        violations.optionalText(comment, "comment", 5_000);
        violations.throwIfAny();
    }
}
