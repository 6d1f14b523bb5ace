package org.cfpflow.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every CloudEvents type that flows between the services, with its topic and payload record. */
public enum EventType {

    CONFERENCE_DEFINED(Topics.CONFERENCE, ConferenceDefined.class),
    PROPOSAL_SUBMITTED(Topics.PROPOSALS, ProposalSubmitted.class),
    PROPOSAL_UPDATED(Topics.PROPOSALS, ProposalUpdated.class),
    PROPOSAL_WITHDRAWN(Topics.PROPOSALS, ProposalWithdrawn.class),
    PROPOSAL_CONFIRMED(Topics.PROPOSALS, ProposalConfirmed.class),
    PROPOSAL_DECLINED(Topics.PROPOSALS, ProposalDeclined.class),
    PROPOSAL_ACCEPTED(Topics.DECISIONS, ProposalAccepted.class),
    PROPOSAL_REJECTED(Topics.DECISIONS, ProposalRejected.class),
    TALK_SCHEDULED(Topics.SCHEDULE, TalkScheduled.class),
    TALK_RESCHEDULED(Topics.SCHEDULE, TalkRescheduled.class),
    TALK_UNSCHEDULED(Topics.SCHEDULE, TalkUnscheduled.class),
    TALK_WAITLISTED(Topics.SCHEDULE, TalkWaitlisted.class),
    SCHEDULE_RELEASED(Topics.SCHEDULE, ScheduleReleased.class),
    NOTIFICATION_SENT(Topics.NOTIFICATIONS, NotificationSent.class),
    NOTIFICATION_FAILED(Topics.NOTIFICATIONS, NotificationFailed.class);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String topic;
    private final Class<? extends CfpEvent> payloadType;

    EventType(String topic, Class<? extends CfpEvent> payloadType) {
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The {@code ce_type} value, e.g. {@code ProposalAccepted}. */
    public String typeName() {
        return payloadType.getSimpleName();
    }

    public String topic() {
        return topic;
    }

    public Class<? extends CfpEvent> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> fromTypeName(String typeName) {
        return Optional.ofNullable(typeName).map(BY_NAME::get);
    }

    public static EventType of(CfpEvent event) {
        return fromTypeName(event.getClass().getSimpleName()).orElseThrow();
    }
}
