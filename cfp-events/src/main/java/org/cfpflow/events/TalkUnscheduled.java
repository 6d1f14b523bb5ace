package org.cfpflow.events;

/** The talk lost its slot ({@code reason}: withdrawn, rejected, blocks changed). */
public record TalkUnscheduled(String proposalId, Talk talk, Slot previousSlot, String reason) implements CfpEvent, AboutTalk {

    public TalkUnscheduled {
        Require.text(proposalId, "proposalId");
        Require.present(talk, "talk");
        Require.present(previousSlot, "previousSlot");
        Require.text(reason, "reason");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
