package org.cfpflow.events;

import java.time.Instant;

/**
 * Accepted for the programme. {@code acceptedAt} orders the waitlist; {@code note} is the reviewers' word to the
 * speakers (may be null).
 */
public record ProposalAccepted(String conferenceId, String proposalId, Talk talk, String note, Instant acceptedAt) implements CfpEvent, AboutTalk {

    public ProposalAccepted {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.optionalText(note, "note", 5_000);
        Require.present(talk, "talk");
        Require.present(acceptedAt, "acceptedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
