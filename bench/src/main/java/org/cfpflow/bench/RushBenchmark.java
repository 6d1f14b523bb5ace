package org.cfpflow.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 4. The deadline rush: N submissions from 32 clients as fast as they are answered, then how long until the last
 * receipt reached the SMTP server, and whether any acknowledged proposal lost its receipt or got two.
 */
final class RushBenchmark {

    private final Pipeline pipeline;
    private final ProcessCpu cpu;
    private final Summary summary;

    RushBenchmark(Pipeline pipeline, ProcessCpu cpu, Summary summary) {
        this.pipeline = pipeline;
        this.cpu = cpu;
        this.summary = summary;
    }

    void run(int proposals) throws Exception {
        Set<String> created = ConcurrentHashMap.newKeySet();
        // what answered other than 201, by status or exception: not acknowledged, so not lost, but reported
        Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
        AtomicLong last201 = new AtomicLong();
        long epochOffsetNanos = Load.epochNanos() - System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        Map<String, Double> cpuBefore = cpu.sample();
        Map<String, long[]> commandsBefore = pipeline.scraping.storeCommands();
        long start = System.nanoTime();
        Load.closedLoop(32, URI.create(pipeline.url("submission")), connection -> {
            int i;
            while ((i = next.getAndIncrement()) < proposals) {
                try {
                    Connection.Answer answer = connection.send(pipeline.proposal("rush", i));
                    if (answer.status() == 201) {
                        created.add(Pipeline.id(answer.body()));
                        last201.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                    else {
                        refused.computeIfAbsent("HTTP " + answer.status(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
                catch (IOException e) {
                    refused.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(),
                            k -> new AtomicLong()).incrementAndGet();
                }
            }
        });
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> received = pipeline.awaitReceipts(created, Duration.ofMinutes(10));
        long lastReceipt = received.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double drain = (lastReceipt - (last201.get() + epochOffsetNanos) / 1_000) / 1e6;
        long duplicated = pipeline.duplicatedReceipts(created);
        long lost = created.size() - received.size();
        System.out.printf("%n## 4. Deadline rush: %d submissions from 32 clients%n%n| | |%n|---|---|%n"
                        + "| 201 | %d |%n| time to submit all | %.1f s (%.0f /s) |%n"
                        + "| last 201 → last receipt handed to SMTP | %.1f s |%n| lost (201 without receipt) | %d |%n"
                        + "| duplicated receipts | %d |%n", proposals, created.size(), submitSeconds,
                created.size() / submitSeconds, drain, lost, duplicated);
        refused.forEach((why, count) -> System.out.printf("| not acknowledged: %s | %d |%n", why, count.get()));
        summary.add("| deadline rush, %d: last 201 → last receipt | %.1f s, lost %d, duplicated %d | ≤ 30 s, 0, 0 |",
                proposals, drain, lost, duplicated);
        pipeline.awaitCaughtUp();
        cpu.printSince("the rush", cpuBefore, created.size(), "proposal");
        pipeline.scraping.printStoreCommands(commandsBefore, created.size(), "proposal");
    }
}
