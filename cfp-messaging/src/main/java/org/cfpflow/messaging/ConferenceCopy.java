package org.cfpflow.messaging;

import java.time.Instant;
import java.util.List;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.TeamMember;
import org.springframework.data.annotation.Id;

/**
 * A service's own copy of one conference, from {@code cfp.conference}: its team, which the service enforces, and
 * the fields it needs, from the latest definition. Definitions may arrive again after a restart; an earlier one never
 * overwrites a later one. Its id is the conference's.
 */
public abstract class ConferenceCopy extends Aggregate {

    @Id
    private String id;
    private Instant definedAt;
    private List<TeamMember> team = List.of();

    /** Takes this definition unless a later one was taken already. */
    public final void apply(ConferenceDefined defined) {
        if (definedAt != null && defined.definedAt().isBefore(definedAt)) {
            return;
        }
        id = defined.conferenceId();
        team = defined.team();
        copy(defined);
        definedAt = defined.definedAt();
    }

    /** Copies from the definition what this service needs besides the team. */
    protected abstract void copy(ConferenceDefined defined);

    public String conferenceId() {
        return id;
    }

    public List<TeamMember> team() {
        return team == null ? List.of() : team;
    }
}
