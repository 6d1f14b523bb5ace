package org.cfpflow.events;

import java.util.List;

/** A track of the conference: the talk lengths it allows (minutes) and its leads. */
public record Track(String slug, String name, List<Integer> durations, List<Person> leads) {

    public Track {
        Require.line(slug, "track slug", 64);
        Require.line(name, "track name", 200);
        durations = Require.nonEmpty(durations, "track durations");
        leads = Require.list(leads);
    }
}
