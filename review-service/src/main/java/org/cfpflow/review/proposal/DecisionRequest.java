package org.cfpflow.review.proposal;

import org.cfpflow.platform.Violations;

/** {@code POST /api/reviews/proposals/{id}/decision}: {@code ACCEPT} or {@code REJECT}, with a note to the speakers. */
record DecisionRequest(String decision, String note) {

    Outcome outcome() {
        Violations violations = new Violations();
        if (violations.required(decision, "decision")) {
            violations.check("ACCEPT".equals(decision) || "REJECT".equals(decision), "decision",
                    "must be ACCEPT or REJECT");
        }
        violations.optionalText(note, "note", 5_000);
        violations.throwIfAny();
        return "ACCEPT".equals(decision) ? Outcome.ACCEPTED : Outcome.REJECTED;
    }

    String noteOrNull() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
