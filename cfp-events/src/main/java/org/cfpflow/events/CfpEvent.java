package org.cfpflow.events;

/**
 * An event payload. The CloudEvents {@code ce_type} is the record's simple name, the Kafka key and
 * {@code ce_subject} are {@link #subject()}: the proposal id, or the conference id for the conference topic.
 */
public sealed interface CfpEvent
        permits ConferenceDefined, ProposalSubmitted, ProposalUpdated, ProposalWithdrawn, ProposalConfirmed,
        ProposalDeclined, ProposalAccepted,
        ProposalRejected, TalkScheduled, TalkRescheduled, TalkUnscheduled, TalkWaitlisted, ScheduleReleased, NotificationSent,
        NotificationFailed {

    /** The conference the event is about: its acronym. */
    String conferenceId();

    String subject();
}
