package org.cfpflow.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The run's figures against the targets, one row each, printed last. The CPU a proposal costs across all processes
 * (from its submission to every e-mail) has no fixed target: it must not grow, so each run is compared with the
 * previous one on this machine, kept in {@code .cfp/bench/last-run.properties}.
 */
final class Summary {

    private static final String CPU_PER_PROPOSAL = "cpu.ms.per.proposal";

    private final List<String> rows = new ArrayList<>();
    private final Path lastRun;

    Summary(Path root) {
        this.lastRun = root.resolve(".cfp/bench/last-run.properties");
    }

    void add(String row) {
        rows.add(row);
    }

    void add(String format, Object... args) {
        rows.add(String.format(format, args));
    }

    /** The CPU per proposal of this run, beside the previous run's; kept for the next run. */
    void cpuPerProposal(double millis) throws IOException {
        Properties previous = new Properties();
        if (Files.exists(lastRun)) {
            try (Reader in = Files.newBufferedReader(lastRun)) {
                previous.load(in);
            }
        }
        String before = previous.getProperty(CPU_PER_PROPOSAL);
        String comparison = before == null ? "no previous run here"
                : String.format("previous run %s ms (%s), %+.0f %%", before, previous.getProperty("at"),
                        100 * (millis / Double.parseDouble(before) - 1));
        add("| CPU per proposal, submission → every e-mail, all processes | %.2f ms (%s) | no more than the previous run |",
                millis, comparison);
        Properties now = new Properties();
        now.setProperty(CPU_PER_PROPOSAL, String.format("%.2f", millis));
        now.setProperty("at", Instant.now().toString());
        Files.createDirectories(lastRun.getParent());
        try (Writer out = Files.newBufferedWriter(lastRun)) {
            now.store(out, "the benchmarks' last run on this machine: ./cfp bench compares the next one with it");
        }
    }

    void print() {
        System.out.println("\n## Summary\n");
        System.out.println("| what | measured | target |\n|---|---|---|");
        rows.forEach(System.out::println);
    }
}
