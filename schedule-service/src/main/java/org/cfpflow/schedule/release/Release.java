package org.cfpflow.schedule.release;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cfpflow.events.ScheduleReleased;
import org.cfpflow.events.ScheduleReleased.Kind;
import org.cfpflow.events.ScheduleReleased.ReleasedChange;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.messaging.Aggregate;
import org.cfpflow.schedule.timetable.Block;
import org.cfpflow.schedule.timetable.Conference;
import org.cfpflow.schedule.timetable.Entry;
import org.cfpflow.schedule.timetable.Placement;
import org.cfpflow.schedule.timetable.ScheduleContent;
import org.cfpflow.schedule.timetable.Timetable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A version of a conference's timetable as its organizers published it: its blocks and placed talks, frozen, and
 * what changed since the release before. Written once, with its {@link ScheduleReleased} event; one document per
 * release, so a conference's history grows by documents, never one document by releases.
 */
@Document("releases")
@CompoundIndex(name = "conference_number", def = "{'conferenceId': 1, 'number': -1}", unique = true)
class Release extends Aggregate {

    @Id
    private String id;
    private String conferenceId;
    private int number;
    /** The release's name ({@code version} in the API: the aggregate's own {@code version} counts its writes). */
    private String name;
    private String comment;
    private Instant releasedAt;
    private List<Block> blocks = new ArrayList<>();
    /** The placed talks only. */
    private List<Entry> entries = new ArrayList<>();
    /** As the views need them: speakers by name, times as local placements in {@code timezone}. */
    private List<StoredChange> changes = new ArrayList<>();
    private String timezone;

    record StoredChange(String proposalId, Kind kind, String title, String track, List<String> speakers,
                        Placement placement, Placement previous) {
    }

    /** The working timetable as release {@code previous + 1}, with its changes since {@code previous} (if any). */
    static Release of(Timetable timetable, Release previous, String version, String comment, Instant now) {
        Release release = new Release();
        release.conferenceId = timetable.conferenceId();
        release.number = previous == null ? 1 : previous.number + 1;
        release.id = release.conferenceId + "/" + release.number;
        release.name = version == null ? Integer.toString(release.number) : version;
        release.comment = comment;
        release.releasedAt = now;
        release.blocks = List.copyOf(timetable.blocks());
        release.entries = timetable.entries().stream().filter(Entry::isScheduled).toList();
        release.timezone = timetable.zone().getId();
        List<ReleasedChange> changes = changes(previous == null ? List.of() : previous.entries, release.entries,
                timetable.zone());
        release.changes = changes.stream().map(c -> new StoredChange(c.proposalId(), c.kind(), c.title(), c.track(),
                c.speakers().stream().map(Speaker::name).toList(), placement(c.slot()), placement(c.previousSlot())))
                .toList();
        if (changes.size() <= ScheduleReleased.MOST_CHANGES) {
            release.raise(new ScheduleReleased(release.conferenceId, release.number, release.name, comment, now,
                    changes));
        }
        return release;
    }

    /** Added, moved and removed, in the order of the new schedule, the removed last. */
    private static List<ReleasedChange> changes(List<Entry> before, List<Entry> after, ZoneId zone) {
        Map<String, Entry> previous = new HashMap<>();
        before.forEach(e -> previous.put(e.proposalId(), e));
        List<ReleasedChange> changes = new ArrayList<>();
        for (Entry now : after.stream().sorted(Comparator.comparing((Entry e) -> e.placement().start())
                .thenComparing(e -> e.placement().room())).toList()) {
            Entry then = previous.remove(now.proposalId());
            if (then == null) {
                changes.add(change(now, Kind.ADDED, now, null, zone));
            }
            else if (!Objects.equals(then.placement(), now.placement())) {
                changes.add(change(now, Kind.MOVED, now, then, zone));
            }
        }
        previous.values().stream().sorted(Comparator.comparing((Entry e) -> e.placement().start()))
                .forEach(gone -> changes.add(change(gone, Kind.REMOVED, null, gone, zone)));
        return changes;
    }

    private static ReleasedChange change(Entry talk, Kind kind, Entry now, Entry then, ZoneId zone) {
        List<Speaker> speakers = talk.talk().speakers();
        return new ReleasedChange(talk.proposalId(), kind, talk.talk().title(), talk.talk().track(), speakers,
                now == null ? null : now.placement().slotIn(zone), then == null ? null : then.placement().slotIn(zone));
    }

    private static Placement placement(Slot slot) {
        return slot == null ? null : new Placement(slot.room(), slot.startLocal(), slot.endLocal());
    }

    ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** The release as a schedule, under the conference as it is now (its title and tracks may have changed). */
    ScheduleContent content(Conference conference) {
        ZoneId zone = conference == null ? ZoneOffset.UTC : conference.zone();
        return new ScheduleContent(conference, zone, blocks, entries, number,
                new ScheduleContent.Released(number, name, releasedAt));
    }

    String conferenceId() {
        return conferenceId;
    }

    int number() {
        return number;
    }

    String name() {
        return name;
    }

    String comment() {
        return comment;
    }

    Instant releasedAt() {
        return releasedAt;
    }

    List<StoredChange> changes() {
        return changes;
    }

    int talks() {
        return entries.size();
    }
}
