package org.cfpflow.bench.placement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.schedule.timetable.Block;
import org.cfpflow.schedule.timetable.Break;
import org.cfpflow.schedule.timetable.Entry;
import org.cfpflow.schedule.timetable.Placement;
import org.cfpflow.schedule.timetable.Planner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The placement rule at scale: 1,000 accepted talks (10–40 minutes, a quarter with two speakers, 400 speakers
 * shared across talks) placed one by one, in acceptance order, into 20 rooms over 3 days with a lunch break:
 * the work the schedule-service does for a whole conference's decisions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlacementBenchmark {

    private static final LocalDateTime DAY = LocalDateTime.of(2027, 9, 13, 0, 0);

    private List<Block> blocks;
    private List<Entry> talks;

    @Setup
    public void conference() {
        blocks = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            for (int room = 0; room < 20; room++) {
                LocalDateTime start = DAY.plusDays(day).withHour(9);
                blocks.add(new Block("main", "Room " + room, start, start.withHour(18),
                        List.of(new Break(start.withHour(12).withMinute(30), start.withHour(13).withMinute(30)))));
            }
        }
        Random random = new Random(2017);
        List<Integer> lengths = List.of(10, 15, 20, 30, 40);
        talks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            List<Speaker> speakers = new ArrayList<>();
            int first = random.nextInt(400);
            speakers.add(new Speaker("Speaker " + first, "speaker" + first + "@example.org", null));
            int second = random.nextInt(400);
            if (random.nextInt(4) == 0 && second != first) {
                speakers.add(new Speaker("Speaker " + second, "speaker" + second + "@example.org", null));
            }
            Talk talk = new Talk("Talk " + i, "a", "d", "main", lengths.get(random.nextInt(lengths.size())), speakers);
            talks.add(new Entry("talk-" + i, talk, Instant.EPOCH.plusSeconds(i), null));
        }
    }

    /** Returns how many were placed, so that the work cannot be optimised away. */
    @Benchmark
    public int placeAThousandTalks() {
        Planner planner = new Planner(blocks, List.of());
        int placed = 0;
        for (Entry talk : talks) {
            Placement placement = planner.earliest(talk).orElse(null);
            if (placement != null) {
                planner.occupy(new Entry(talk.proposalId(), talk.talk(), talk.acceptedAt(), placement));
                placed++;
            }
        }
        return placed;
    }
}
