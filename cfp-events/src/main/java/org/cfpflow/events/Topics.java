package org.cfpflow.events;

/** The Kafka topics of DESIGN.md. Dead-letter topics are named {@code <topic>.<group>.dlq}. */
public final class Topics {

    public static final String CONFERENCE = "cfp.conference";
    public static final String PROPOSALS = "cfp.proposals";
    public static final String DECISIONS = "cfp.decisions";
    public static final String SCHEDULE = "cfp.schedule";
    public static final String NOTIFICATIONS = "cfp.notifications";

    private Topics() {
    }

    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlq";
    }
}
