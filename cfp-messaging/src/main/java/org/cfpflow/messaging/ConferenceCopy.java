package org.cfpflow.messaging;

import java.time.Instant;

import org.cfpflow.events.ConferenceDefined;
import org.springframework.data.annotation.Id;

/**
 * A service's own copy of the conference, from {@code cfp.conference}: the fields it needs, from the latest
 * definition. Definitions may arrive again after a restart; an earlier one never overwrites a later one.
 */
public abstract class ConferenceCopy extends Aggregate {

    public static final String ID = "conference";

    @Id
    private String id = ID;
    private Instant definedAt;

    /** Takes this definition unless a later one was taken already. */
    public final void apply(ConferenceDefined defined) {
        if (definedAt != null && defined.definedAt().isBefore(definedAt)) {
            return;
        }
        copy(defined);
        definedAt = defined.definedAt();
    }

    /** Copies from the definition what this service needs. */
    protected abstract void copy(ConferenceDefined defined);
}
