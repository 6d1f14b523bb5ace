package org.cfpflow.events;

import java.time.Instant;

/**
 * The speakers (or an organizer for them) declined the accepted talk: it will not be given, and its slot goes to the
 * waitlist as a withdrawal's does.
 */
public record ProposalDeclined(String conferenceId, String proposalId, Talk talk, Instant declinedAt)
        implements CfpEvent, AboutTalk {

    public ProposalDeclined {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.present(talk, "talk");
        Require.present(declinedAt, "declinedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
