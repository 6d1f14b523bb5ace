package org.cfpflow.schedule.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Person;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.Track;
import org.cfpflow.events.Window;
import org.junit.jupiter.api.Test;

/**
 * The placement rule with the speakers' availability, on randomized conferences: the timetable places each talk
 * where a plain reference (every 5-minute start, every block, in order) places it, and no placed talk breaks a
 * rule. From a fixed, printed seed.
 */
class AvailabilityPlacementTest {

    private static final long SEED = 20190910L;
    private static final LocalDateTime DAY = LocalDateTime.of(2019, 9, 9, 0, 0);
    private static final List<String> TRACKS = List.of("containers", "kernel");

    @Test
    void placementMatchesAReferenceRuleOnRandomConferences() {
        System.out.println("AvailabilityPlacementTest seed " + SEED);
        Random random = new Random(SEED);
        int placed = 0;
        int waitlisted = 0;
        int insideWindows = 0;
        for (int round = 0; round < 150; round++) {
            List<Block> blocks = blocks(random);
            Timetable timetable = Timetable.of("lpc2019");
            timetable.define(new ConferenceDefined("lpc2019", "LPC", "Europe/Lisbon", Instant.EPOCH, Instant.EPOCH,
                    TRACKS.stream().map(t -> new Track(t, t, List.of(5, 10, 15, 20, 25, 30, 40), List.<Person>of()))
                            .toList(), true, null, null, List.of(), Instant.now()));
            timetable.replaceBlocks(blocks);
            List<Placement> reference = new ArrayList<>();
            List<Talk> talks = new ArrayList<>();
            Instant acceptedAt = Instant.parse("2019-08-01T00:00:00Z");
            for (int i = 0; i < 25; i++) {
                Talk talk = talk(random, i);
                Placement expected = referencePlacement(blocks, talks, reference, talk);
                acceptedAt = acceptedAt.plusSeconds(60);
                timetable.accept(new ProposalAccepted("lpc2019", "p" + i, talk, null, acceptedAt), null);
                Placement actual = timetable.entry("p" + i).orElseThrow().placement();
                assertThat(actual).as("round %d, talk %d: %s", round, i, talk).isEqualTo(expected);
                talks.add(talk);
                reference.add(expected);
                if (expected == null) {
                    waitlisted++;
                }
                else {
                    placed++;
                    insideWindows += talk.availability().isEmpty() ? 0 : 1;
                }
            }
            assertRules(blocks, talks, reference);
        }
        // the inputs exercise every case
        assertThat(placed).isGreaterThan(1_000);
        assertThat(waitlisted).isGreaterThan(100);
        assertThat(insideWindows).isGreaterThan(300);
    }

    private static List<Block> blocks(Random random) {
        List<Block> blocks = new ArrayList<>();
        for (String track : TRACKS) {
            for (int day = 0; day < 2; day++) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                String room = "Room " + (char) ('A' + random.nextInt(3));
                LocalDateTime start = DAY.plusDays(day).withHour(9).plusMinutes(random.nextInt(13) * 5 + random.nextInt(2));
                LocalDateTime end = start.plusMinutes(60 + random.nextInt(25) * 5);
                List<Break> breaks = new ArrayList<>();
                if (random.nextBoolean()) {
                    LocalDateTime pause = start.plusMinutes(30 + random.nextInt(6) * 5);
                    breaks.add(new Break(pause, pause.plusMinutes(15)));
                }
                blocks.add(new Block(track, room, start, end, breaks));
            }
        }
        return blocks;
    }

    private static Talk talk(Random random, int i) {
        int minutes = 5 * (1 + random.nextInt(8));
        List<Speaker> speakers = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int s = 0; s < count; s++) {
            String who = "s" + random.nextInt(8);
            if (speakers.stream().noneMatch(sp -> sp.name().equals(who))) {
                speakers.add(new Speaker(who, who + "@example.org", null));
            }
        }
        List<Window> windows = new ArrayList<>();
        int windowCount = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3);
        for (int w = 0; w < windowCount; w++) {
            LocalDateTime start = DAY.plusDays(random.nextInt(2)).withHour(8).plusMinutes(random.nextInt(60) * 5
                    + random.nextInt(3));
            windows.add(new Window(start, start.plusMinutes(minutes + random.nextInt(24) * 5)));
        }
        return new Talk("Talk " + i, "a", "d", TRACKS.get(random.nextInt(TRACKS.size())), minutes, speakers,
                windows);
    }

    /** Every 5-minute start from the first block's, and at each every block of the track in order: the first fit. */
    private static Placement referencePlacement(List<Block> blocks, List<Talk> talks, List<Placement> placements,
                                                Talk talk) {
        List<Block> ordered = blocks.stream().filter(b -> b.track().equals(talk.track()))
                .sorted(Comparator.comparing(Block::start).thenComparing(Block::room)).toList();
        if (ordered.isEmpty()) {
            return null;
        }
        LocalDateTime first = Planner.ceilToGrid(ordered.stream().map(Block::start).min(Comparator.naturalOrder())
                .orElseThrow());
        LocalDateTime last = ordered.stream().map(Block::end).max(Comparator.naturalOrder()).orElseThrow();
        for (LocalDateTime start = first; !start.isAfter(last); start = start.plusMinutes(5)) {
            LocalDateTime end = start.plusMinutes(talk.durationMinutes());
            for (Block block : ordered) {
                Placement candidate = new Placement(block.room(), start, end);
                if (fits(block, candidate, talk, talks, placements)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static boolean fits(Block block, Placement candidate, Talk talk, List<Talk> talks,
                                List<Placement> placements) {
        if (!block.contains(candidate.start(), candidate.end())
                || block.breakOverlapping(candidate.start(), candidate.end()) != null
                || !talk.availableAt(candidate.start(), candidate.end())) {
            return false;
        }
        for (int i = 0; i < talks.size(); i++) {
            Placement other = placements.get(i);
            if (other == null || !other.overlaps(candidate.start(), candidate.end())) {
                continue;
            }
            if (other.room().equals(candidate.room()) || sharesASpeaker(talks.get(i), talk)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sharesASpeaker(Talk a, Talk b) {
        return a.speakers().stream().anyMatch(s -> b.speakers().stream()
                .anyMatch(t -> t.email().toLowerCase(Locale.ROOT).equals(s.email().toLowerCase(Locale.ROOT))));
    }

    /** No talk outside its windows, no room overlap, no speaker twice at once, every talk in a block of its track. */
    private static void assertRules(List<Block> blocks, List<Talk> talks, List<Placement> placements) {
        for (int i = 0; i < talks.size(); i++) {
            Placement p = placements.get(i);
            if (p == null) {
                continue;
            }
            Talk talk = talks.get(i);
            assertThat(talk.availableAt(p.start(), p.end())).as("inside its windows").isTrue();
            assertThat(blocks.stream().anyMatch(b -> b.track().equals(talk.track()) && b.room().equals(p.room())
                    && b.contains(p.start(), p.end()) && b.breakOverlapping(p.start(), p.end()) == null))
                    .as("inside a block of its track, outside breaks").isTrue();
            for (int j = 0; j < i; j++) {
                Placement q = placements.get(j);
                if (q != null && q.overlaps(p.start(), p.end())) {
                    assertThat(q.room()).as("room overlap").isNotEqualTo(p.room());
                    assertThat(sharesASpeaker(talks.get(j), talk)).as("a speaker twice at once").isFalse();
                }
            }
        }
    }
}
