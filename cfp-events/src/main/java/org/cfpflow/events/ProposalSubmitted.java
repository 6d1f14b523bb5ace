package org.cfpflow.events;

import java.time.Instant;

/**
 * A new proposal. {@code editUrl} holds the speaker's secret edit link so that the receipt e-mail can carry it;
 * it is the only event with a secret in it.
 */
public record ProposalSubmitted(String proposalId, Talk talk, String notes, String editUrl, Instant submittedAt)
        implements CfpEvent, AboutTalk {

    public ProposalSubmitted {
        Require.text(proposalId, "proposalId");
        Require.present(talk, "talk");
        Require.present(submittedAt, "submittedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
