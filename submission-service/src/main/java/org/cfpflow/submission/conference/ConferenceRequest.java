package org.cfpflow.submission.conference;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.cfpflow.events.Person;
import org.cfpflow.events.Track;
import org.cfpflow.platform.Violations;

/** {@code PUT /api/conference}. */
record ConferenceRequest(String title, String acronym, String timezone, Instant callOpens, Instant callCloses,
                         LocalDate start, LocalDate end, List<TrackRequest> tracks, Boolean blindReview) {

    /** The c3voc rule, so that schedule exports validate. */
    private static final Pattern ACRONYM = Pattern.compile("^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    record TrackRequest(String slug, String name, List<Integer> durations, List<LeadRequest> leads) {
    }

    record LeadRequest(String name, String email) {
    }

    boolean blindReviewOrDefault() {
        return blindReview == null || blindReview;
    }

    List<Track> trackList() {
        return tracks.stream().map(t -> new Track(t.slug(), t.name(), t.durations().stream().sorted().distinct().toList(),
                t.leads() == null ? List.of() : t.leads().stream().map(l -> new Person(l.name(), l.email())).toList()))
                .toList();
    }

    void validate() {
        Violations violations = new Violations();
        violations.line(title, "title", 200);
        if (violations.line(acronym, "acronym", 64)) {
            violations.check(ACRONYM.matcher(acronym).matches(), "acronym",
                    "must match " + ACRONYM.pattern() + " (lower case, e.g. lpc2017)");
        }
        if (violations.line(timezone, "timezone", 64)) {
            try {
                ZoneId.of(timezone);
            }
            catch (DateTimeException e) {
                violations.add("timezone", "is not an IANA time zone id such as Europe/Berlin");
            }
        }
        violations.required(callOpens, "callOpens");
        if (violations.required(callCloses, "callCloses") && callOpens != null) {
            violations.check(callCloses.isAfter(callOpens), "callCloses", "must be after callOpens");
        }
        if (start != null && end != null) {
            violations.check(!end.isBefore(start), "end", "must not be before start");
        }
        if (violations.required(tracks, "tracks")) {
            Set<String> slugs = new HashSet<>();
            for (int i = 0; i < tracks.size(); i++) {
                validateTrack(violations, "tracks[" + i + "]", tracks.get(i), slugs);
            }
        }
        violations.throwIfAny();
    }

    private static void validateTrack(Violations violations, String field, TrackRequest track, Set<String> slugs) {
        if (!violations.required(track, field)) {
            return;
        }
        if (violations.line(track.slug(), field + ".slug", 64)) {
            violations.check(SLUG.matcher(track.slug()).matches(), field + ".slug",
                    "must be lower-case letters, digits and dashes");
            violations.check(slugs.add(track.slug()), field + ".slug", "is used by another track");
        }
        violations.line(track.name(), field + ".name", 200);
        if (violations.required(track.durations(), field + ".durations")) {
            for (int j = 0; j < track.durations().size(); j++) {
                Integer minutes = track.durations().get(j);
                violations.check(minutes != null && minutes >= 5 && minutes <= 480 && minutes % 5 == 0,
                        field + ".durations[" + j + "]", "must be a multiple of 5 minutes between 5 and 480");
            }
        }
        if (track.leads() != null) {
            for (int j = 0; j < track.leads().size(); j++) {
                LeadRequest lead = track.leads().get(j);
                String leadField = field + ".leads[" + j + "]";
                if (violations.required(lead, leadField)) {
                    violations.line(lead.name(), leadField + ".name", 200);
                    violations.email(lead.email(), leadField + ".email");
                }
            }
        }
    }
}
