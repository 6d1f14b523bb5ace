package org.cfpflow.events;

/** Accepted, but no slot fits yet; it is placed when one frees, in acceptance order. */
public record TalkWaitlisted(String conferenceId, String proposalId, Talk talk, String reason) implements CfpEvent, AboutTalk {

    public TalkWaitlisted {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.present(talk, "talk");
        Require.line(reason, "reason", 500);
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
