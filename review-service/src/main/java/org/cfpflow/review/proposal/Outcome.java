package org.cfpflow.review.proposal;

/** A decision as stored; the API says {@code ACCEPT} or {@code REJECT}. */
public enum Outcome {
    ACCEPTED, REJECTED
}
