package org.cfpflow.events;

/** The talk lost its slot ({@code reason}: withdrawn, rejected, blocks changed). */
public record TalkUnscheduled(String conferenceId, String proposalId, Talk talk, Slot previousSlot, String reason) implements CfpEvent, AboutTalk {

    public TalkUnscheduled {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.present(talk, "talk");
        Require.present(previousSlot, "previousSlot");
        Require.line(reason, "reason", 500);
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
