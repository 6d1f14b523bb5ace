package org.cfpflow.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * Which topics each service writes and reads: DESIGN.md's table, and what a deployment grants each service's Kafka
 * identity (its principal and consumer group are the service's name). The submission-service also reads
 * {@code cfp.notifications}: the e-mails sent go into each proposal's timeline.
 */
public enum ServiceTopics {

    SUBMISSION("submission-service", List.of(Topics.CONFERENCE, Topics.PROPOSALS),
            List.of(Topics.DECISIONS, Topics.SCHEDULE, Topics.NOTIFICATIONS), List.of()),
    REVIEW("review-service", List.of(Topics.DECISIONS),
            List.of(Topics.CONFERENCE, Topics.PROPOSALS, Topics.SCHEDULE), List.of()),
    /** Each replica also follows its own topic, to stream the changes the other replicas make. */
    SCHEDULE("schedule-service", List.of(Topics.SCHEDULE),
            List.of(Topics.CONFERENCE, Topics.PROPOSALS, Topics.DECISIONS), List.of(Topics.SCHEDULE)),
    NOTIFICATION("notification-service", List.of(Topics.NOTIFICATIONS),
            List.of(Topics.CONFERENCE, Topics.PROPOSALS, Topics.DECISIONS, Topics.SCHEDULE), List.of());

    private final String service;
    private final List<String> owns;
    private final List<String> consumes;
    private final List<String> follows;

    ServiceTopics(String service, List<String> owns, List<String> consumes, List<String> follows) {
        this.service = service;
        this.owns = owns;
        this.consumes = consumes;
        this.follows = follows;
    }

    /** The service's name: its Kafka principal and its consumer group. */
    public String service() {
        return service;
    }

    /** The topics only this service writes. */
    public List<String> owns() {
        return owns;
    }

    /** The topics it reads, in its consumer group. */
    public List<String> consumes() {
        return consumes;
    }

    /** The topics each replica reads on its own, from the end and in no group: it sees every record. */
    public List<String> follows() {
        return follows;
    }

    /** Where its consumer puts what it can never process: one per topic it reads. */
    public List<String> deadLetters() {
        return consumes.stream().map(topic -> Topics.deadLetter(topic, service)).toList();
    }

    /** Every topic a deployment needs: the five of DESIGN.md and each service's dead-letter topics. */
    public static List<String> allTopics() {
        return Stream.concat(Stream.of(values()).flatMap(s -> s.owns.stream()),
                Stream.of(values()).flatMap(s -> s.deadLetters().stream())).toList();
    }
}
