package org.cfpflow.events;

/** An organizer moved the talk from {@code previousSlot} to {@code slot}. */
public record TalkRescheduled(String conferenceId, String proposalId, Talk talk, Slot slot, Slot previousSlot) implements CfpEvent, AboutTalk {

    public TalkRescheduled {
        Require.conferenceId(conferenceId);
        Require.line(proposalId, "proposalId", 100);
        Require.present(talk, "talk");
        Require.present(slot, "slot");
        Require.present(previousSlot, "previousSlot");
    }

    @Override
    public String subject() {
        return proposalId;
    }
}
