package org.cfpflow.events;

import java.util.List;

/** A track of the conference: the talk lengths it allows (minutes) and its leads. */
public record Track(String slug, String name, List<Integer> durations, List<Person> leads) {

    public Track {
        Require.text(slug, "track slug");
        Require.text(name, "track name");
        durations = Require.nonEmpty(durations, "track durations");
        leads = Require.list(leads);
    }
}
