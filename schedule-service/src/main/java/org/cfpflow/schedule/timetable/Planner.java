package org.cfpflow.schedule.timetable;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cfpflow.events.Speaker;
import org.cfpflow.events.Window;

/**
 * The placement rule: the earliest start on a 5-minute grid inside one of the talk's track blocks, outside
 * breaks, inside one of its speakers' availability windows when it has any, with the room free and none of its
 * speakers speaking anywhere at that time. Pure: no I/O, no clock.
 * Candidate starts jump past whatever is in the way instead of stepping minute by minute.
 */
public final class Planner {

    static final int GRID_MINUTES = 5;

    private final List<Block> blocks;
    private final Map<String, List<Entry>> byRoom = new HashMap<>();
    private final Map<String, List<Entry>> bySpeaker = new HashMap<>();

    public Planner(List<Block> blocks, Collection<Entry> scheduled) {
        this.blocks = blocks.stream()
                .sorted(Comparator.comparing(Block::start).thenComparing(Block::room)).toList();
        scheduled.stream().filter(Entry::isScheduled).forEach(this::occupy);
    }

    /** Marks the entry's slot as taken, for the talks placed after it. */
    public void occupy(Entry entry) {
        byRoom.computeIfAbsent(entry.placement().room(), r -> new ArrayList<>()).add(entry);
        for (String email : entry.speakerEmails()) {
            bySpeaker.computeIfAbsent(email, e -> new ArrayList<>()).add(entry);
        }
    }

    public void release(Entry entry) {
        byRoom.getOrDefault(entry.placement().room(), new ArrayList<>()).remove(entry);
        for (String email : entry.speakerEmails()) {
            bySpeaker.getOrDefault(email, new ArrayList<>()).remove(entry);
        }
    }

    public Optional<Placement> earliest(Entry talk) {
        Duration length = Duration.ofMinutes(talk.talk().durationMinutes());
        Placement best = null;
        for (Block block : blocks) {
            if (!block.track().equals(talk.talk().track()) || (best != null && !block.start().isBefore(best.start()))) {
                continue;
            }
            Placement fit = firstFit(block, length, talk);
            if (fit != null && (best == null || fit.start().isBefore(best.start()))) {
                best = fit;
            }
        }
        return Optional.ofNullable(best);
    }

    private Placement firstFit(Block block, Duration length, Entry talk) {
        LocalDateTime start = ceilToGrid(block.start());
        while (!start.plus(length).isAfter(block.end())) {
            LocalDateTime end = start.plus(length);
            LocalDateTime blockedUntil = blockedUntil(block, start, end, talk);
            if (blockedUntil == null) {
                return new Placement(block.room(), start, end);
            }
            start = ceilToGrid(blockedUntil);
        }
        return null;
    }

    /** When whatever is in the way ends, or null if the slot is free. */
    private LocalDateTime blockedUntil(Block block, LocalDateTime start, LocalDateTime end, Entry talk) {
        Break pause = block.breakOverlapping(start, end);
        if (pause != null) {
            return pause.end();
        }
        if (!talk.talk().availableAt(start, end)) {
            return nextAvailable(talk.talk().availability(), start, Duration.between(start, end), block.end());
        }
        for (Entry other : byRoom.getOrDefault(block.room(), List.of())) {
            if (other != talk && other.placement().overlaps(start, end)) {
                return other.placement().end();
            }
        }
        for (Speaker speaker : talk.talk().speakers()) {
            for (Entry other : bySpeaker.getOrDefault(speaker.email().toLowerCase(Locale.ROOT), List.of())) {
                if (other != talk && other.placement().overlaps(start, end)) {
                    return other.placement().end();
                }
            }
        }
        return null;
    }

    /**
     * The earliest start after {@code start} at which a window holds the talk ({@code after}, where the block ends,
     * if none does): the search jumps there.
     */
    private static LocalDateTime nextAvailable(List<Window> windows, LocalDateTime start, Duration length,
                                               LocalDateTime after) {
        LocalDateTime next = after;
        for (Window window : windows) {
            LocalDateTime from = window.start().isAfter(start) ? ceilToGrid(window.start()) : null;
            if (from != null && from.isBefore(next) && !from.plus(length).isAfter(window.end())) {
                next = from;
            }
        }
        return next;
    }

    /** Everything that stops the talk from going to this exact slot (an organizer's move). */
    public List<Clash> clashes(Entry talk, Placement wanted) {
        List<Clash> clashes = new ArrayList<>();
        Block block = blocks.stream()
                .filter(b -> b.track().equals(talk.talk().track()) && b.room().equals(wanted.room())
                        && b.contains(wanted.start(), wanted.end()))
                .findFirst().orElse(null);
        if (block == null) {
            clashes.add(Clash.outsideBlock(wanted.room(), talk.talk().track()));
        }
        else {
            Break pause = block.breakOverlapping(wanted.start(), wanted.end());
            if (pause != null) {
                clashes.add(Clash.inBreak(pause));
            }
        }
        if (!talk.talk().availableAt(wanted.start(), wanted.end())) {
            clashes.add(Clash.outsideAvailability(talk.talk().availability()));
        }
        for (Entry other : byRoom.getOrDefault(wanted.room(), List.of())) {
            if (other != talk && !other.proposalId().equals(talk.proposalId())
                    && other.placement().overlaps(wanted.start(), wanted.end())) {
                clashes.add(Clash.roomTaken(other));
            }
        }
        for (Speaker speaker : talk.talk().speakers()) {
            for (Entry other : bySpeaker.getOrDefault(speaker.email().toLowerCase(Locale.ROOT), List.of())) {
                if (other != talk && !other.proposalId().equals(talk.proposalId())
                        && other.placement().overlaps(wanted.start(), wanted.end())) {
                    clashes.add(Clash.speakerBusy(speaker.name(), other));
                }
            }
        }
        return clashes;
    }

    /** Whether a placed talk still fits the blocks (after the blocks changed). */
    public boolean fitsBlocks(Entry entry) {
        Placement p = entry.placement();
        return blocks.stream().anyMatch(b -> b.track().equals(entry.talk().track()) && b.room().equals(p.room())
                && b.contains(p.start(), p.end()) && b.breakOverlapping(p.start(), p.end()) == null);
    }

    static LocalDateTime ceilToGrid(LocalDateTime time) {
        LocalDateTime minute = time.withSecond(0).withNano(0);
        if (minute.isBefore(time)) {
            minute = minute.plusMinutes(1);
        }
        int remainder = minute.getMinute() % GRID_MINUTES;
        return remainder == 0 ? minute : minute.plusMinutes(GRID_MINUTES - remainder);
    }
}
