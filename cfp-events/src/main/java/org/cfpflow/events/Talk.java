package org.cfpflow.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What a proposal says: the part of it every consumer needs. */
public record Talk(String title, @JsonProperty("abstract") String abstractText, String description, String track, int durationMinutes,
                   List<Speaker> speakers) {

    public Talk {
        Require.line(title, "title", 200);
        Require.optionalText(abstractText, "abstract", 1_000);
        Require.optionalText(description, "description", 10_000);
        Require.line(track, "track", 64);
        Require.positive(durationMinutes, "durationMinutes");
        speakers = Require.atMost(Require.nonEmpty(speakers, "speakers"), 10, "speakers");
    }
}
