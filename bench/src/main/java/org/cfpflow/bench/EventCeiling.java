package org.cfpflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The event ceiling: Kafka's own producer performance tool against the same broker, beside the intake's events. */
final class EventCeiling {

    private final Pipeline pipeline;
    private final Summary summary;

    EventCeiling(Pipeline pipeline, Summary summary) {
        this.pipeline = pipeline;
        this.summary = summary;
    }

    void run(double eventsAtSaturation) throws Exception {
        Path out = Files.createTempFile("producer-perf", ".txt");
        String classpath = pipeline.root.resolve("cfp-local/target/classes") + ":"
                + Files.readString(pipeline.root.resolve("cfp-local/target/classpath.txt")).strip();
        List<String> command = List.of(Benchmarks.javaBin(), "-cp", classpath,
                "org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.producer-perf", "--num-records",
                "200000", "--record-size", "700", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + pipeline.system.kafka(), "acks=all", "enable.idempotence=true");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        process.waitFor(5, TimeUnit.MINUTES);
        String last = Files.readAllLines(out).stream().filter(l -> l.contains("records sent")).reduce((a, b) -> b)
                .orElse("no result: " + Files.readString(out));
        Matcher rate = Pattern.compile("([0-9.]+) records/sec").matcher(last);
        double ceiling = rate.find() ? Double.parseDouble(rate.group(1)) : Double.NaN;
        System.out.printf("%n## Event ceiling: kafka-producer-perf-test, same broker (200,000 × 700 B, acks=all, "
                + "idempotent)%n%n%s%n%n| | events/s |%n|---|---|%n"
                + "| ProposalSubmitted published during saturated intake | %.0f |%n"
                + "| ceiling: Kafka's producer tool | %.0f |%n| ratio | %.1f %% |%n", last, eventsAtSaturation, ceiling,
                100 * eventsAtSaturation / ceiling);
        summary.add("| events published at saturation | %.0f /s (%.1f %% of the broker's %.0f /s) | — |",
                eventsAtSaturation, 100 * eventsAtSaturation / ceiling, ceiling);
    }
}
