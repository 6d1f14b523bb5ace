package org.cfpflow.submission.conference;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.cfpflow.events.Confirmation;
import org.cfpflow.events.Person;
import org.cfpflow.events.Publish;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.platform.Violations;

/** {@code PUT /api/conferences/{c}}: the conference's acronym is {@code c}, in the path. */
record ConferenceRequest(String title, String timezone, Instant callOpens, Instant callCloses, LocalDate start,
                         LocalDate end, List<TrackRequest> tracks, Boolean blindReview, List<TeamMemberRequest> team,
                         ConfirmationRequest confirmation, String publish) {

    static final int MAX_TEAM = 1_000;
    private static final List<String> ROLES = Arrays.stream(TeamRole.values()).map(TeamRole::name).toList();
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    record TrackRequest(String slug, String name, List<Integer> durations, List<LeadRequest> leads) {
    }

    record LeadRequest(String name, String email) {
    }

    /** A member of the team: {@code roles} of ORGANIZER, REVIEWER, DECIDER; {@code tracks} limits the last two. */
    record TeamMemberRequest(String email, List<String> roles, List<String> tracks) {
    }

    /**
     * How accepted speakers are reminded to confirm: {@code remindAfter} an ISO-8601 duration (e.g. {@code P7D});
     * {@code releaseUnconfirmed} (default false) gives an unconfirmed talk's slot to the waitlist at the deadline.
     */
    record ConfirmationRequest(Duration remindAfter, Boolean releaseUnconfirmed) {
    }

    /** The confirmation settings, or null for none (checked by {@link #validate}). */
    Confirmation confirmationOrNull() {
        return confirmation == null ? null : new Confirmation(confirmation.remindAfter(),
                Boolean.TRUE.equals(confirmation.releaseUnconfirmed()));
    }

    /** {@code LIVE} unless given (checked by {@link #validate}). */
    Publish publishOrDefault() {
        return publish == null ? Publish.LIVE : Publish.valueOf(publish);
    }

    boolean blindReviewOrDefault() {
        return blindReview == null || blindReview;
    }

    List<Track> trackList() {
        return tracks.stream().map(t -> new Track(t.slug(), t.name(), t.durations().stream().sorted().distinct().toList(),
                t.leads() == null ? List.of() : t.leads().stream().map(l -> new Person(l.name(), l.email())).toList()))
                .toList();
    }

    List<TeamMember> teamList() {
        return team == null ? List.of() : team.stream().map(m -> new TeamMember(m.email().strip().toLowerCase(Locale.ROOT),
                m.roles().stream().distinct().map(TeamRole::valueOf).toList(),
                m.tracks() == null ? List.of() : m.tracks().stream().distinct().toList())).toList();
    }

    void validate() {
        Violations violations = new Violations();
        violations.line(title, "title", 200);
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
        if (confirmation != null && violations.required(confirmation.remindAfter(), "confirmation.remindAfter")) {
            violations.check(confirmation.remindAfter().compareTo(Confirmation.SHORTEST) >= 0
                    && confirmation.remindAfter().compareTo(Confirmation.LONGEST) <= 0, "confirmation.remindAfter",
                    "must be from " + Confirmation.SHORTEST + " to " + Confirmation.LONGEST);
        }
        violations.check(publish == null || Arrays.stream(Publish.values()).anyMatch(p -> p.name().equals(publish)),
                "publish", "must be LIVE or RELEASES");
        Set<String> slugs = new HashSet<>();
        if (violations.required(tracks, "tracks")) {
            for (int i = 0; i < tracks.size(); i++) {
                validateTrack(violations, "tracks[" + i + "]", tracks.get(i), slugs);
            }
        }
        if (team != null && violations.check(team.size() <= MAX_TEAM, "team", "must have at most " + MAX_TEAM
                + " members")) {
            Set<String> emails = new HashSet<>();
            for (int i = 0; i < team.size(); i++) {
                validateMember(violations, "team[" + i + "]", team.get(i), slugs, emails);
            }
        }
        violations.throwIfAny();
    }

    private static void validateMember(Violations violations, String field, TeamMemberRequest member,
                                       Set<String> slugs, Set<String> emails) {
        if (!violations.required(member, field)) {
            return;
        }
        if (violations.email(member.email(), field + ".email")) {
            violations.check(emails.add(member.email().strip().toLowerCase(Locale.ROOT)), field + ".email",
                    "is in the team twice");
        }
        if (violations.required(member.roles(), field + ".roles")
                && violations.check(!member.roles().isEmpty(), field + ".roles", "must name at least one role")) {
            for (int j = 0; j < member.roles().size(); j++) {
                String role = member.roles().get(j);
                violations.check(role != null && ROLES.contains(role), field + ".roles[" + j + "]",
                        "must be one of " + ROLES);
            }
        }
        if (member.tracks() != null) {
            for (int j = 0; j < member.tracks().size(); j++) {
                violations.check(slugs.contains(member.tracks().get(j)), field + ".tracks[" + j + "]",
                        "is not a track of this conference");
            }
        }
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
