package org.cfpflow.review.proposal;

import org.cfpflow.platform.Paging;
import org.cfpflow.platform.Violations;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/conferences/{c}/reviews/queue")
    PagedModel<ReviewedProposalView> queue(@PathVariable("c") String conferenceId, Authentication caller,
                                           @RequestParam(required = false) String track,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return new PagedModel<>(reviews.queue(conferenceId, caller, track, q,
                Paging.of(page, size, Reviews.OLDEST_FIRST)));
    }

    @GetMapping("/conferences/{c}/reviews/proposals")
    PagedModel<ReviewedProposalView> ranking(@PathVariable("c") String conferenceId, Authentication caller,
                                             @RequestParam(required = false) String track,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(defaultValue = "score") String sort,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        Violations violations = new Violations();
        violations.check("score".equals(sort) || "submitted".equals(sort), "sort", "must be score or submitted");
        violations.throwIfAny();
        Sort order = "score".equals(sort) ? Reviews.BEST_FIRST : Reviews.OLDEST_FIRST;
        return new PagedModel<>(reviews.ranking(conferenceId, caller, track, q, Paging.of(page, size, order)));
    }

    @GetMapping("/reviews/proposals/{id}")
    ReviewedProposalView proposal(@PathVariable String id, Authentication caller) {
        return reviews.proposal(id, caller);
    }

    @PostMapping(path = "/reviews/proposals/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewedProposalView review(@PathVariable String id, Authentication caller, @RequestBody ReviewRequest request) {
        return reviews.review(id, caller, request);
    }

    @PostMapping(path = "/reviews/proposals/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewedProposalView decide(@PathVariable String id, Authentication caller, @RequestBody DecisionRequest request) {
        return reviews.decide(id, caller, request);
    }
}
