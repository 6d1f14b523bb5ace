package org.cfpflow.submission.proposal;

/** What a speaker sees; derived from the decision and schedule events whatever order they arrived in. */
public enum ProposalStatus {
    SUBMITTED, ACCEPTED, REJECTED, SCHEDULED, WAITLISTED, WITHDRAWN, DECLINED
}
