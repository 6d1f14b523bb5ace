package org.cfpflow.submission.proposal;

/** A proposal just submitted, with the secret that lets its speaker come back to it. */
public record SubmittedProposal(Proposal proposal, String editToken, String editUrl) {
}
