package org.cfpflow.events;

import java.time.Instant;

/**
 * A new proposal. {@code editUrl} is the proposal's page, without any secret; {@code sealedEditToken} is the
 * speaker's edit token sealed (AES-GCM, bound to the proposal id) for the notification-service, which alone opens it
 * to put the link in the receipt e-mail. No event carries a secret in the clear.
 */
public record ProposalSubmitted(String conferenceId, String proposalId, Talk talk, String notes, String editUrl, String sealedEditToken,
                                Instant submittedAt) implements CfpEvent, AboutTalk {

    public ProposalSubmitted {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.optionalText(notes, "notes", 5_000);
        Require.optionalLine(editUrl, "editUrl", 2_000);
        Require.optionalLine(sealedEditToken, "sealedEditToken", 1_000);
        Require.present(talk, "talk");
        Require.present(submittedAt, "submittedAt");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
