package org.cfpflow.events;

/** A speaker of a talk; {@code affiliation} may be null. */
public record Speaker(String name, String email, String affiliation) {

    public Speaker {
        Require.text(name, "speaker name");
        Require.text(email, "speaker email");
    }
}
