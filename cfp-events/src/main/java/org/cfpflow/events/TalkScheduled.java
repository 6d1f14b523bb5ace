package org.cfpflow.events;

/** The talk got a slot. */
public record TalkScheduled(String conferenceId, String proposalId, Talk talk, Slot slot) implements CfpEvent, AboutTalk {

    public TalkScheduled {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.present(talk, "talk");
        Require.present(slot, "slot");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
