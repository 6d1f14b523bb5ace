package org.cfpflow.events;

import java.time.Instant;

/** Not accepted; {@code note} is the reviewers' word to the speakers (may be null). */
public record ProposalRejected(String conferenceId, String proposalId, Talk talk, String note, Instant rejectedAt) implements CfpEvent, AboutTalk {

    public ProposalRejected {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.optionalText(note, "note", 5_000);
        Require.present(talk, "talk");
        Require.present(rejectedAt, "rejectedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
