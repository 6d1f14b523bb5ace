package org.cfpflow.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * 7. Many conferences in one deployment: the intake into one conference alone, then 200 conferences filled with 500
 * proposals each and the intake again, spread over all of them and into the one, alternately three times; a few talks accepted in each; a conference's
 * timetable and review queue at 50 requests/s (open loop, a random conference each); the largest document of every
 * database. {@code CFP_BENCH_CONFERENCES} and {@code CFP_BENCH_PROPOSALS_EACH} make it smaller for a trial.
 */
final class ScaleBenchmark {

    private static final int CONFERENCES = Integer.parseInt(
            System.getenv().getOrDefault("CFP_BENCH_CONFERENCES", "200"));
    private static final int PROPOSALS_EACH = Integer.parseInt(
            System.getenv().getOrDefault("CFP_BENCH_PROPOSALS_EACH", "500"));
    /** Talks accepted in each conference, so that its timetable has some. */
    private static final int ACCEPTED_EACH = 5;
    private static final Duration SATURATION = Duration.ofSeconds(20);
    private static final Duration READS = Duration.ofSeconds(20);
    /** Saturated windows after the fill, spread and into one alternately. */
    private static final int ROUNDS = 3;
    private static final String ALONE = "scaleone";

    private final Pipeline pipeline;
    private final ProcessCpu cpu;
    private final Summary summary;

    ScaleBenchmark(Pipeline pipeline, ProcessCpu cpu, Summary summary) {
        this.pipeline = pipeline;
        this.cpu = cpu;
        this.summary = summary;
    }

    private static String conference(int i) {
        return String.format("scale%03d", i);
    }

    void run() throws Exception {
        System.out.printf("%n## 7. Many conferences: %d conferences, %d proposals each%n%n", CONFERENCES,
                PROPOSALS_EACH);
        // one conference, on a store that holds none of the many yet; warmed as long as the intake benchmark warms
        pipeline.define(ALONE, "One Conference");
        pipeline.awaitCaughtUp();
        String alone = pipeline.proposals(ALONE);
        Load.saturate(16, Duration.ofSeconds(20), alone, i -> pipeline.proposalJson("scale-warm", i), 201);
        pipeline.awaitCaughtUp();
        Measured one = measure("into one conference, before the many", i -> Load.post(alone,
                pipeline.proposalJson("scale-one", i)));

        for (int c = 0; c < CONFERENCES; c++) {
            pipeline.define(conference(c), "Conference " + c);
        }
        for (int c = 0; c < CONFERENCES; c++) {
            pipeline.placeIn(conference(c), 2, 1);
        }
        long t0 = System.nanoTime();
        AtomicReferenceArray<String> toAccept = fill();
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        pipeline.awaitCaughtUp();
        double drainedSeconds = (System.nanoTime() - t0) / 1e9;

        // alternated, so that a slower minute of the machine weighs on both alike; the medians compared
        List<Measured> spread = new ArrayList<>();
        List<Measured> into = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            spread.add(measure("spread over the " + CONFERENCES + " conferences, after the fill, round " + round,
                    i -> Load.post(pipeline.proposals(conference(i % CONFERENCES)),
                            pipeline.proposalJson("scale-many", i))));
            into.add(measure("into one conference, after the fill, round " + round, i -> Load.post(alone,
                    pipeline.proposalJson("scale-after", i))));
        }
        List<Measured> all = new ArrayList<>(List.of(one));
        for (int round = 0; round < ROUNDS; round++) {
            all.add(spread.get(round));
            all.add(into.get(round));
        }
        System.out.printf("| intake, saturated (32 clients, %d s) | proposals/s | of one conference's | … in each 5 s |%n"
                + "|---|---|---|---|%n", SATURATION.toSeconds());
        for (Measured measured : all) {
            System.out.printf("| %s | %.0f | %.0f %% | %s |%n", measured.what(), measured.rate().perSecond(),
                    100 * measured.rate().perSecond() / one.rate().perSecond(), measured.rate().slices());
        }
        double many = median(spread);
        double oneAfter = median(into);
        System.out.printf("| filling %d conferences with %d each (%d proposals in %.0f s; every e-mail sent %.0f s after "
                + "the first) | %.0f | | |%n", CONFERENCES, PROPOSALS_EACH, CONFERENCES * PROPOSALS_EACH, fillSeconds,
                drainedSeconds, CONFERENCES * PROPOSALS_EACH / fillSeconds);
        System.out.printf("%nMedians of the %d rounds: spread over them %.0f /s, into one of them %.0f /s: spread %+.0f %% "
                + "of into one after the fill, %+.0f %% of one conference alone%n", ROUNDS, many, oneAfter,
                100 * (many / oneAfter - 1), 100 * (many / one.rate().perSecond() - 1));
        summary.add("| intake at saturation, %d conferences of %d proposals (medians of %d alternated rounds): spread "
                + "over them / into one of them, against one conference alone | %.0f /s (%+.0f %%) / %.0f /s (%+.0f %%) "
                + "against %.0f /s | within 10 %% |", CONFERENCES, PROPOSALS_EACH, ROUNDS, many,
                100 * (many / one.rate().perSecond() - 1), oneAfter,
                100 * (oneAfter / one.rate().perSecond() - 1), one.rate().perSecond());
        for (Measured measured : all) {
            ProcessCpu.print("saturated intake " + measured.what() + ", until quiet", measured.cpuBefore(),
                    measured.cpuAfter(), measured.rate().ok(), "proposal");
        }

        accept(toAccept);
        reads();
        largestDocument();
    }

    /** A saturated intake and the CPU every process spent on it until the system was quiet again. */
    private record Measured(String what, Load.Saturated rate, Map<String, Double> cpuBefore,
                            Map<String, Double> cpuAfter) {
    }

    private static double median(List<Measured> measured) {
        double[] rates = measured.stream().mapToDouble(m -> m.rate().perSecond()).sorted().toArray();
        return rates.length % 2 == 1 ? rates[rates.length / 2]
                : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
    }

    private Measured measure(String what, IntFunction<Load.Request> request) throws Exception {
        Map<String, Double> before = cpu.sample();
        Load.Saturated rate = Load.saturate(32, SATURATION, URI.create(pipeline.url("submission")), request, 201);
        pipeline.awaitCaughtUp();
        return new Measured(what, rate, before, cpu.sample());
    }

    /** Proposal i into conference i mod the number of conferences, 32 clients; the first few ids of each kept. */
    private AtomicReferenceArray<String> fill() throws Exception {
        int total = CONFERENCES * PROPOSALS_EACH;
        AtomicReferenceArray<String> toAccept = new AtomicReferenceArray<>(CONFERENCES * ACCEPTED_EACH);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Load.closedLoop(32, URI.create(pipeline.url("submission")), connection -> {
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                Connection.Answer answer = connection.send(Load.post(pipeline.proposals(conference(i % CONFERENCES)),
                        pipeline.proposalJson("scale-fill", i)));
                if (answer.status() != 201) {
                    refused.incrementAndGet();
                }
                else if (i / CONFERENCES < ACCEPTED_EACH) {
                    toAccept.set(i, Pipeline.id(answer.body()));
                }
            }
        });
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " proposals of the fill were refused");
        }
        return toAccept;
    }

    /** The first proposals of each conference accepted by its decider at 20 /s: every timetable has talks. */
    private void accept(AtomicReferenceArray<String> ids) {
        Load.OpenLoopResult result = Load.openLoop(20, Duration.ofMillis(ids.length() * 50L),
                i -> pipeline.accept(ids.get(i)), null);
        pipeline.awaitCaughtUp();
        System.out.printf("%n%d talks accepted (%d in each conference): %s%n", result.sent(), ACCEPTED_EACH,
                result.statuses());
    }

    /** A random conference's timetable (public) and review queue (alice), each at 50 /s after 10 s of warm-up. */
    private void reads() throws Exception {
        String schedule = pipeline.url("schedule");
        String review = pipeline.url("review");
        String alice = pipeline.reviewer();
        Map<String, IntFunction<Load.Request>> reads = new LinkedHashMap<>();
        reads.put("GET /api/conferences/{c}/timetable", i -> Load.get(schedule + "/api/conferences/"
                + conference(ThreadLocalRandom.current().nextInt(CONFERENCES)) + "/timetable", null));
        reads.put("GET /api/conferences/{c}/reviews/queue (alice, 20 a page)", i -> Load.get(review
                + "/api/conferences/" + conference(ThreadLocalRandom.current().nextInt(CONFERENCES))
                + "/reviews/queue", alice));
        System.out.printf("%n| 50 /s for %d s, open loop, a random conference each | 200 | p50 ms | p99 ms | max ms | UTC"
                + " |%n|---|---|---|---|---|---|%n", READS.toSeconds());
        Load.readTable(50, READS, reads).forEach((read, h) -> summary.add("| %s, %d conferences, 50 /s | p99 %s ms | ≤ 50 ms |",
                read, CONFERENCES, Load.ms(h, 99)));
    }

    /** Every document of every database read as raw BSON: the largest, and where it is. */
    private void largestDocument() {
        long largest = 0;
        String where = "";
        long documents = 0;
        try (MongoClient client = MongoClients.create(pipeline.system.mongoUri())) {
            for (String name : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(name);
                for (String collectionName : database.listCollectionNames()) {
                    MongoCollection<RawBsonDocument> collection = database.getCollection(collectionName,
                            RawBsonDocument.class);
                    for (RawBsonDocument document : collection.find().batchSize(1_000)) {
                        documents++;
                        int size = document.getByteBuffer().remaining();
                        if (size > largest) {
                            largest = size;
                            where = name + "." + collectionName + " " + document.get("_id");
                        }
                    }
                }
            }
        }
        System.out.printf("%nLargest of the %,d documents in the store: %,d bytes (%s)%n", documents, largest, where);
        summary.add("| largest document, %d conferences | %.1f KB (%s) | < 1 MB |", CONFERENCES, largest / 1024.0,
                where.replaceAll(" .*", ""));
    }
}
