package org.cfpflow.submission.proposal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.Track;
import org.cfpflow.events.Window;
import org.cfpflow.platform.Violations;
import org.cfpflow.submission.conference.Conference;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/conferences/{c}/proposals} and {@code PUT /api/proposals/{id}}: what a speaker sends. */
public record ProposalRequest(String title, @JsonProperty("abstract") String abstractText, String description,
                              String track, Integer durationMinutes, List<SpeakerRequest> speakers, String notes,
                              List<WindowRequest> availability) {

    static final int MAX_SPEAKERS = 10;

    public record SpeakerRequest(String name, String email, String affiliation) {
    }

    /** A window of local time in the conference's zone when every speaker can speak. */
    public record WindowRequest(LocalDateTime start, LocalDateTime end) {
    }

    /** Checks every field against the call; throws with all violations at once. */
    Talk toTalk(Conference conference) {
        Violations violations = new Violations();
        violations.line(title, "title", 200);
        violations.text(abstractText, "abstract", 1_000);
        violations.text(description, "description", 10_000);
        violations.optionalText(notes, "notes", 5_000);
        Track chosen = null;
        if (violations.line(track, "track", 64)) {
            chosen = conference.track(track).orElse(null);
            violations.check(chosen != null, "track", "is not a track of this conference; choose one of "
                    + conference.tracks().stream().map(Track::slug).toList());
        }
        if (violations.required(durationMinutes, "durationMinutes") && chosen != null) {
            violations.check(chosen.durations().contains(durationMinutes), "durationMinutes",
                    "must be one of " + chosen.durations() + " minutes for track " + chosen.slug());
        }
        if (violations.required(speakers, "speakers")
                && violations.check(speakers.size() <= MAX_SPEAKERS, "speakers", "must be at most " + MAX_SPEAKERS)) {
            Set<String> emails = new HashSet<>();
            for (int i = 0; i < speakers.size(); i++) {
                String field = "speakers[" + i + "]";
                SpeakerRequest speaker = speakers.get(i);
                if (!violations.required(speaker, field)) {
                    continue;
                }
                violations.line(speaker.name(), field + ".name", 200);
                if (violations.email(speaker.email(), field + ".email")) {
                    violations.check(emails.add(speaker.email().toLowerCase(Locale.ROOT)), field + ".email",
                            "is given for another speaker too");
                }
                violations.optionalLine(speaker.affiliation(), field + ".affiliation", 200);
            }
        }
        List<Window> windows = windows(violations, conference);
        violations.throwIfAny();
        return new Talk(title.strip(), abstractText.strip(), description.strip(), track, durationMinutes,
                speakers.stream().map(s -> new Speaker(s.name().strip(), s.email().strip(),
                        s.affiliation() == null || s.affiliation().isBlank() ? null : s.affiliation().strip()))
                        .toList(), windows);
    }

    /**
     * The availability, each window checked: it ends after it starts, holds the talk, and lies in the conference's
     * days when they are known.
     */
    List<Window> windows(Violations violations, Conference conference) {
        List<Window> windows = new ArrayList<>();
        if (availability == null || !violations.check(availability.size() <= Talk.MAX_WINDOWS, "availability",
                "must be at most " + Talk.MAX_WINDOWS + " windows")) {
            return windows;
        }
        for (int i = 0; i < availability.size(); i++) {
            String field = "availability[" + i + "]";
            WindowRequest window = availability.get(i);
            if (!violations.required(window, field) || !violations.required(window.start(), field + ".start")
                    || !violations.required(window.end(), field + ".end")
                    || !violations.check(window.start().isBefore(window.end()), field + ".end",
                    "must be after its start")) {
                continue;
            }
            if (durationMinutes != null) {
                violations.check(!window.start().plusMinutes(durationMinutes).isAfter(window.end()), field + ".end",
                        "leaves less than the talk's " + durationMinutes + " minutes");
            }
            if (conference.start() != null && conference.end() != null) {
                violations.check(!window.start().toLocalDate().isBefore(conference.start())
                        && !window.end().isAfter(conference.end().plusDays(1).atStartOfDay()), field,
                        "must lie within the conference, " + conference.start() + " to " + conference.end());
            }
            windows.add(new Window(window.start(), window.end()));
        }
        return windows;
    }

    String notesOrNull() {
        return notes == null || notes.isBlank() ? null : notes.strip();
    }
}
