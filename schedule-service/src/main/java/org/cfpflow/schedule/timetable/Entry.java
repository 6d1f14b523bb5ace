package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.cfpflow.events.Talk;

/** An accepted talk: placed ({@code placement} set) or waiting for a slot. */
public class Entry {

    private final String proposalId;
    private Talk talk;
    private final Instant acceptedAt;
    private Placement placement;
    /** Whether its speakers confirmed they will give it. */
    private boolean confirmed;
    /** Unconfirmed past the conference's deadline: it waits, and is placed again only once confirmed. */
    private boolean lapsed;

    public Entry(String proposalId, Talk talk, Instant acceptedAt, Placement placement) {
        this.proposalId = proposalId;
        this.talk = talk;
        this.acceptedAt = acceptedAt;
        this.placement = placement;
    }

    public String proposalId() {
        return proposalId;
    }

    public Talk talk() {
        return talk;
    }

    void talk(Talk newTalk) {
        talk = newTalk;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Placement placement() {
        return placement;
    }

    void place(Placement newPlacement) {
        placement = newPlacement;
    }

    public boolean confirmed() {
        return confirmed;
    }

    /** Returns false when it was confirmed already. A lapsed talk may be placed again. */
    boolean confirm() {
        if (confirmed) {
            return false;
        }
        confirmed = true;
        lapsed = false;
        return true;
    }

    boolean lapsed() {
        return lapsed;
    }

    void lapse() {
        lapsed = true;
    }

    public boolean isScheduled() {
        return placement != null;
    }

    Set<String> speakerEmails() {
        return talk.speakers().stream().map(s -> s.email().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
