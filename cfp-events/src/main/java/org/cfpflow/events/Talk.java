package org.cfpflow.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * What a proposal says: the part of it every consumer needs. {@code availability}: the windows in which all its
 * speakers can speak, earliest first; empty when they can speak at any time.
 */
public record Talk(String title, @JsonProperty("abstract") String abstractText, String description, String track, int durationMinutes,
                   List<Speaker> speakers, List<Window> availability) {

    /** At most this many windows: a few per day of a week-long conference. */
    public static final int MAX_WINDOWS = 50;

    /** A talk whose speakers can speak at any time. */
    public Talk(String title, String abstractText, String description, String track, int durationMinutes,
                List<Speaker> speakers) {
        this(title, abstractText, description, track, durationMinutes, speakers, List.of());
    }

    public Talk {
        Require.line(title, "title", 200);
        Require.optionalText(abstractText, "abstract", 1_000);
        Require.optionalText(description, "description", 10_000);
        Require.line(track, "track", 64);
        Require.positive(durationMinutes, "durationMinutes");
        speakers = Require.atMost(Require.nonEmpty(speakers, "speakers"), 10, "speakers");
        availability = Require.atMost(Require.list(availability), MAX_WINDOWS, "availability").stream()
                .sorted(Comparator.comparing(Window::start).thenComparing(Window::end)).toList();
    }

    /** Whether the talk may be given in {@code [start, end)}: inside one of its windows, or at any time without. */
    public boolean availableAt(LocalDateTime start, LocalDateTime end) {
        return availability.isEmpty() || availability.stream().anyMatch(w -> w.contains(start, end));
    }

    /** The same talk with other windows. */
    public Talk withAvailability(List<Window> windows) {
        return new Talk(title, abstractText, description, track, durationMinutes, speakers, windows);
    }
}
