package org.cfpflow.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;

/**
 * What the caller may do in one conference: an {@link Roles#ADMIN} everything, anyone else what the conference's
 * team grants them (their sign-in name is their e-mail address). Every service asks it with its own copy of the
 * team, from {@code ConferenceDefined}.
 */
public final class TeamAccess {

    private TeamAccess() {
    }

    /** Whether the caller has {@code role} for {@code track} (null: for the conference as a whole). */
    public static boolean may(Authentication caller, List<TeamMember> team, TeamRole role, String track) {
        if (isAdmin(caller)) {
            return true;
        }
        return member(caller, team).filter(member -> track == null
                ? member.has(TeamRole.ORGANIZER) || member.has(role) && member.tracks().isEmpty()
                : member.may(role, track)).isPresent();
    }

    /** Whether the caller has {@code role} for at least one track. */
    public static boolean mayInSomeTrack(Authentication caller, List<TeamMember> team, TeamRole role) {
        return isAdmin(caller) || member(caller, team).filter(m -> m.has(TeamRole.ORGANIZER) || m.has(role)).isPresent();
    }

    /** The tracks the caller's {@code role} is limited to; empty: every track (or none at all, see {@link #may}). */
    public static Set<String> limitedTo(Authentication caller, List<TeamMember> team, TeamRole role) {
        if (isAdmin(caller)) {
            return Set.of();
        }
        return member(caller, team).filter(m -> !m.has(TeamRole.ORGANIZER))
                .map(m -> Set.copyOf(m.tracks())).orElse(Set.of());
    }

    /** A {@code 403} unless {@link #may}. */
    public static void require(Authentication caller, List<TeamMember> team, TeamRole role, String track,
                               String conferenceId) {
        if (!may(caller, team, role, track)) {
            throw forbidden(role, conferenceId, track);
        }
    }

    public static ErrorResponseException forbidden(TeamRole role, String conferenceId, String track) {
        return Problems.forbidden("Only " + plural(role) + " of " + conferenceId
                + (track == null ? "" : " for track " + track) + " may do this");
    }

    public static boolean isAdmin(Authentication caller) {
        return CfpSecurity.hasRole(caller, Roles.ADMIN);
    }

    private static Optional<TeamMember> member(Authentication caller, List<TeamMember> team) {
        if (caller == null || !caller.isAuthenticated() || team == null) {
            return Optional.empty();
        }
        String email = caller.getName();
        return team.stream().filter(member -> member.email().equalsIgnoreCase(email)).findFirst();
    }

    private static String plural(TeamRole role) {
        return switch (role) {
            case ORGANIZER -> "organizers";
            case REVIEWER -> "reviewers";
            case DECIDER -> "deciders";
        };
    }
}
