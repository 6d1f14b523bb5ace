package org.cfpflow.events;

/** Accepted, but no slot fits yet; it is placed when one frees, in acceptance order. */
public record TalkWaitlisted(String proposalId, Talk talk, String reason) implements CfpEvent, AboutTalk {

    public TalkWaitlisted {
        Require.text(proposalId, "proposalId");
        Require.present(talk, "talk");
        Require.text(reason, "reason");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
