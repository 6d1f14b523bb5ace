package org.cfpflow.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What a proposal says: the part of it every consumer needs. */
public record Talk(String title, @JsonProperty("abstract") String abstractText, String description, String track, int durationMinutes,
                   List<Speaker> speakers) {

    public Talk {
        Require.text(title, "title");
        Require.text(track, "track");
        Require.positive(durationMinutes, "durationMinutes");
        speakers = Require.nonEmpty(speakers, "speakers");
    }
}
