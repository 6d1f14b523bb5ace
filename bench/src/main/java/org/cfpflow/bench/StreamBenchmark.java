package org.cfpflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * 3. Accept → change on {@code /api/conferences/{c}/timetable/stream}: decisions at 20 /s and at 5 /s (open loop), each timed from
 * its request to its proposal's id on the live stream.
 */
final class StreamBenchmark {

    private static final Pattern PROPOSAL_ID = Pattern.compile("\"proposalId\"\\s*:\\s*\"([^\"]+)\"");
    /** Decisions before the measured ones, not measured. */
    private static final int WARM_UP = 200;

    private final Pipeline pipeline;
    private final ProcessCpu cpu;
    private final Summary summary;
    /** When each proposal's id first appeared on the stream (System.nanoTime). */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    StreamBenchmark(Pipeline pipeline, ProcessCpu cpu, Summary summary) {
        this.pipeline = pipeline;
        this.cpu = cpu;
        this.summary = summary;
    }

    void run() throws Exception {
        List<String> ids = new ArrayList<>();
        Load.openLoop(100, Duration.ofSeconds(8), i -> pipeline.proposal("accept", i), (response, due) -> {
            if (response.status() == 201) {
                synchronized (ids) {
                    ids.add(Pipeline.id(response.body()));
                }
            }
        });
        pipeline.awaitCaughtUp();
        var subscription = subscribe();
        // warm-up, as the intake has one: the first decisions run code no earlier benchmark ran, and the JIT
        // compiling it in every service would be measured as latency
        List<String> warmUp = ids.subList(0, Math.min(ids.size(), WARM_UP));
        Load.openLoop(20, Duration.ofSeconds(warmUp.size() / 20), i -> pipeline.accept(warmUp.get(i)), null);
        pipeline.awaitCaughtUp();
        List<String> measured = ids.subList(warmUp.size(), ids.size());
        int count = Math.min(measured.size(), 400);
        Map<String, Double> cpuBefore = cpu.sample();
        Map<String, long[]> commandsBefore = pipeline.scraping.storeCommands();
        Decisions atTarget = decide(measured.subList(0, count), 20);
        // the same path at a quarter of the rate: what a decision takes when it does not queue behind others
        List<String> rest = measured.subList(count, measured.size());
        pipeline.awaitCaughtUp();
        Decisions light = decide(rest.subList(0, Math.min(rest.size(), 100)), 5);
        subscription.cancel(true);
        System.out.printf("%n## 3. Accept → change on the timetable stream (open loop)%n%n"
                + "| rate | decisions | refused | seen on the stream | p50 ms | p99 ms | max ms | UTC |%n"
                + "|---|---|---|---|---|---|---|---|%n%s%s", atTarget.row(20), light.row(5));
        summary.add("| accept → stream at 20 /s | p99 " + Load.ms(atTarget.latencies(), 99) + " ms (at 5 /s: "
                + Load.ms(light.latencies(), 99) + " ms) | ≤ 100 ms |");
        pipeline.awaitCaughtUp();
        cpu.printSince("the decisions and their e-mails", cpuBefore, atTarget.count() + light.count(), "decision");
        pipeline.scraping.printStoreCommands(commandsBefore, atTarget.count() + light.count(), "decision");
    }

    private CompletableFuture<Void> subscribe() {
        HttpRequest stream = HttpRequest.newBuilder(URI.create(pipeline.url("schedule") + Pipeline.TIMETABLE + "/stream"))
                .header("Accept", "text/event-stream").GET().build();
        return HttpClient.newHttpClient().sendAsync(stream, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        Matcher m = PROPOSAL_ID.matcher(line);
                        long now = System.nanoTime();
                        while (m.find()) {
                            seen.putIfAbsent(m.group(1), now);
                        }
                    }
                }));
    }

    /** Decisions at a fixed rate (open loop), each timed from its request to its proposal's id on the stream. */
    private Decisions decide(List<String> proposals, int perSecond) {
        Map<String, Long> decidedAt = new ConcurrentHashMap<>();
        AtomicLong refused = new AtomicLong();
        String from = Load.utcNow();
        Load.openLoop(perSecond, Duration.ofSeconds(proposals.size() / perSecond), i -> {
            decidedAt.put(proposals.get(i), System.nanoTime());
            return pipeline.accept(proposals.get(i));
        }, (response, due) -> {
            if (response.status() != 200) {
                refused.incrementAndGet();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen.keySet().containsAll(decidedAt.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        Histogram latencies = new Histogram(3);
        decidedAt.forEach((id, at) -> {
            Long shown = seen.get(id);
            if (shown != null) {
                latencies.recordValue(Math.max(1, (shown - at) / 1_000));
            }
        });
        return new Decisions(decidedAt.size(), refused.get(), latencies, from + "–" + Load.utcNow());
    }

    private record Decisions(int count, long refused, Histogram latencies, String window) {

        String row(int perSecond) {
            return String.format("| %d /s | %d | %d | %d | %s | %s | %s | %s |%n", perSecond, count, refused,
                    latencies.getTotalCount(), Load.ms(latencies, 50), Load.ms(latencies, 99),
                    Load.ms(latencies, 100), window);
        }
    }
}
