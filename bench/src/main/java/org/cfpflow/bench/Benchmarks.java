package org.cfpflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.cfpflow.bench.placement.PlacementBenchmark;
import org.cfpflow.faults.KafkaFaults;
import org.cfpflow.local.LocalSystem;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Every benchmark of the pipeline in one run, each figure beside its ceiling where it has one. Starts the local run
 * (separate processes, own ports, fresh data) and loads it from 127.0.0.1 only; prints one table per benchmark and
 * a summary against the targets. {@code ./cfp bench [RUSH_PROPOSALS] [WHICH]}, WHICH a subset such as
 * {@code intake,stream} for profiling one path.
 */
public final class Benchmarks {

    private static final Set<String> ALL = Set.of("intake", "receipt", "stream", "rush", "events", "scale", "console",
            "placement");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "faults-logback.xml");
        int rush = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Set<String> only = args.length > 1 ? Set.of(args[1].split(",")) : ALL;
        Path root = Path.of(System.getProperty("cfp.root", ".")).toAbsolutePath().normalize();
        System.out.printf("Machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                ProcessCpu.memory(), System.getProperty("java.version"));
        LocalSystem system = LocalSystem.fresh(root, root.resolve("bench/target/bench-home"));
        if (only.contains("scale")) {
            // the local store holds every document in its heap: the scale benchmark alone leaves ~535,000 (proposals,
            // their copies, e-mails); after the other benchmarks, 3 GB left the store in back-to-back full collections
            system.with("CFP_STORE_HEAP", System.getenv().getOrDefault("CFP_STORE_HEAP", "8g"));
        }
        long started = System.nanoTime();
        system.start();
        double startup = (System.nanoTime() - started) / 1e9;
        Summary summary = new Summary(root);
        try (system; KafkaFaults kafka = new KafkaFaults(system.kafka())) {
            Pipeline pipeline = new Pipeline(system, kafka, root);
            ProcessCpu cpu = new ProcessCpu(system);
            memory(system, summary, "after start-up");
            System.out.printf("%n`./cfp local` (built tree, fresh data) to all healthy: %.1f s%n", startup);
            summary.add("| start-up to all healthy | %.1f s | ≤ 30 s |", startup);
            pipeline.defineConference();
            IntakeBenchmark intake = new IntakeBenchmark(pipeline, cpu, summary);
            if (only.contains("intake") || only.contains("events")) {
                intake.run();
            }
            if (only.contains("receipt")) {
                new ReceiptBenchmark(pipeline, cpu, summary).run();
            }
            if (only.contains("stream")) {
                new StreamBenchmark(pipeline, cpu, summary).run();
            }
            if (only.contains("rush")) {
                new RushBenchmark(pipeline, cpu, summary).run(rush);
            }
            if (only.contains("events")) {
                new EventCeiling(pipeline, summary).run(intake.eventsPerSecond());
            }
            if (only.contains("scale")) {
                new ScaleBenchmark(pipeline, cpu, summary).run();
            }
            if (only.contains("console")) {
                new ConsoleBenchmark(pipeline, summary).run();
            }
            memory(system, summary, "after the load");
            if (only.contains("placement")) {
                placement(summary);
            }
            summary.print();
        }
    }

    /** 6. Resident memory and CPU so far of every process. */
    private static void memory(LocalSystem system, Summary summary, String when) throws IOException {
        System.out.printf("%n## Memory (%s)%n%n| process | resident (MB) | CPU so far (s) |%n|---|---|---|%n", when);
        long worst = 0;
        for (Map.Entry<String, Long> process : system.pids().entrySet()) {
            long rss = ProcessCpu.residentKb(process.getValue());
            if (LocalSystem.SERVICES.contains(process.getKey())) {
                worst = Math.max(worst, rss);
            }
            System.out.printf("| %s | %d | %.1f |%n", process.getKey(), rss / 1024,
                    ProcessCpu.seconds(process.getValue()));
        }
        summary.add("| largest service resident, %s | %d MB | ≤ 400 MB |", when, worst / 1024);
    }

    /** 5. Placement of 1,000 talks (JMH, in a forked JVM). */
    private static void placement(Summary summary) throws Exception {
        for (RunResult result : new Runner(new OptionsBuilder().include(PlacementBenchmark.class.getName()).build())
                .run()) {
            double ms = result.getPrimaryResult().getScore();
            System.out.printf("%n## 5. Placement: 1,000 talks, 20 rooms, 3 days, shared speakers (JMH)%n%n"
                    + "| mean per 1,000 talks | error (99.9 %%) |%n|---|---|%n| %.2f ms | ± %.2f ms |%n", ms,
                    result.getPrimaryResult().getScoreError());
            summary.add("| placement of 1,000 talks | %.2f ms | ≤ 1 s |", ms);
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
