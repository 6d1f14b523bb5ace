package org.cfpflow.review.proposal;

import java.time.Instant;
import java.util.List;

import org.cfpflow.events.Speaker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A proposal with its reviews' figures. Under blind review, {@code speakers} is absent for reviewers;
 * {@code reviews} only in the single-proposal view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewedProposalView(String id, String conferenceId, String title, @JsonProperty("abstract") String abstractText,
                                   String description, String track, int durationMinutes, List<Speaker> speakers,
                                   Instant submittedAt, boolean withdrawn, int reviewCount, Double meanScore,
                                   Double medianScore, Outcome decision, String decisionNote, boolean scheduled,
                                   List<Review> reviews) {

    static ReviewedProposalView of(ProposalUnderReview p, boolean blind, boolean withReviews) {
        return new ReviewedProposalView(p.id(), p.conferenceId(), p.talk().title(), p.talk().abstractText(), p.talk().description(),
                p.talk().track(), p.talk().durationMinutes(), blind ? null : p.speakers(), p.submittedAt(),
                p.withdrawn(), p.reviewCount(), p.meanScore(), p.medianScore(), p.decision(), p.decisionNote(),
                p.scheduled(), withReviews ? p.reviews() : null);
    }
}
