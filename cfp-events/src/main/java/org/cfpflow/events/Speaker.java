package org.cfpflow.events;

/** A speaker of a talk; {@code affiliation} may be null. */
public record Speaker(String name, String email, String affiliation) {

    public Speaker {
        Require.line(name, "speaker name", 200);
        Require.email(email, "speaker email");
        Require.optionalLine(affiliation, "speaker affiliation", 200);
    }
}
