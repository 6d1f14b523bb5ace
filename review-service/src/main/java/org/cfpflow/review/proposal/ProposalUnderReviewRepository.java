package org.cfpflow.review.proposal;

import org.springframework.data.repository.CrudRepository;

interface ProposalUnderReviewRepository extends CrudRepository<ProposalUnderReview, String> {
}
