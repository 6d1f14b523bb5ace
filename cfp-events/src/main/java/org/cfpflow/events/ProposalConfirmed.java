package org.cfpflow.events;

import java.time.Instant;

/** The speakers (or an organizer for them) confirmed that the accepted talk will be given. */
public record ProposalConfirmed(String conferenceId, String proposalId, Talk talk, Instant confirmedAt)
        implements CfpEvent, AboutTalk {

    public ProposalConfirmed {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.present(talk, "talk");
        Require.present(confirmedAt, "confirmedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
