package org.cfpflow.events;

import java.time.Instant;

/** The speaker edited the proposal; {@code talk} is its new content. */
public record ProposalUpdated(String conferenceId, String proposalId, Talk talk, String notes, Instant updatedAt) implements CfpEvent, AboutTalk {

    public ProposalUpdated {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.optionalText(notes, "notes", 5_000);
        Require.present(talk, "talk");
        Require.present(updatedAt, "updatedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
