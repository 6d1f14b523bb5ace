package org.cfpflow.submission.proposal;

import org.springframework.data.repository.CrudRepository;

interface ProposalRepository extends CrudRepository<Proposal, String> {
}
