package org.cfpflow.schedule.release;

import java.time.Instant;
import java.util.List;

import org.cfpflow.events.ScheduleReleased.Kind;
import org.cfpflow.events.Slot;

/** A release as anyone may read it: its changes name speakers, never their e-mail addresses. */
record ReleaseView(int number, String version, String comment, Instant releasedAt, int talks, List<ChangeView> changes) {

    record ChangeView(String proposalId, Kind kind, String title, String track, List<String> speakers, Slot slot,
                      Slot previousSlot) {
    }

    static ReleaseView of(Release release) {
        return new ReleaseView(release.number(), release.name(), release.comment(), release.releasedAt(),
                release.talks(), release.changes().stream().map(c -> new ChangeView(c.proposalId(), c.kind(), c.title(),
                        c.track(), c.speakers(), c.placement() == null ? null : c.placement().slotIn(release.zone()),
                        c.previous() == null ? null : c.previous().slotIn(release.zone()))).toList());
    }
}
