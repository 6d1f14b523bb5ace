package org.cfpflow.review.proposal;

import java.time.Instant;

/** One reviewer's score (1–5) and comment. */
public record Review(String reviewer, int score, String comment, Instant reviewedAt) {
}
