package org.cfpflow.events;

import java.util.List;

/**
 * A member of a conference's team: what they may do in it, and, for a reviewer or decider, the tracks they are
 * limited to (none: every track). Organizers are never limited to tracks.
 */
public record TeamMember(String email, List<TeamRole> roles, List<String> tracks) {

    public TeamMember {
        Require.email(email, "team email");
        roles = Require.nonEmpty(roles, "team roles");
        tracks = Require.list(tracks);
    }

    public boolean has(TeamRole role) {
        return roles.contains(role);
    }

    /** Whether this member's {@code role} covers {@code track}: an organizer's always does. */
    public boolean may(TeamRole role, String track) {
        return has(TeamRole.ORGANIZER) || has(role) && (tracks.isEmpty() || tracks.contains(track));
    }
}
