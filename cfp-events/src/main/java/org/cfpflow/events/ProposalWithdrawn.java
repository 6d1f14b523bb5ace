package org.cfpflow.events;

import java.time.Instant;

/** The speaker (or an organizer) withdrew the proposal, whatever state it was in. */
public record ProposalWithdrawn(String conferenceId, String proposalId, Talk talk, Instant withdrawnAt) implements CfpEvent, AboutTalk {

    public ProposalWithdrawn {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.present(talk, "talk");
        Require.present(withdrawnAt, "withdrawnAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
