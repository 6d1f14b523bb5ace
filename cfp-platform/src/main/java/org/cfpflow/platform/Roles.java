package org.cfpflow.platform;

/** The roles of CfP Flow. Speakers have none: their proposal's edit token is their key. */
public final class Roles {

    public static final String ORGANIZER = "ORGANIZER";
    public static final String REVIEWER = "REVIEWER";
    /** A reviewer who may also accept and reject. */
    public static final String DECIDER = "DECIDER";

    private Roles() {
    }
}
