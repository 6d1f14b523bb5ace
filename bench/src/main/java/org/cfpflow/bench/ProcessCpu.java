package org.cfpflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.cfpflow.local.LocalSystem;

/**
 * CPU time and resident memory of the local run's processes, from {@code /proc}: where the CPU of a phase went, per
 * process and per item (proposal, decision), which is what a rate costs on shared cores.
 */
final class ProcessCpu {

    /** The load generator's own process, among the sampled ones. */
    static final String LOAD = "load";

    private final LocalSystem system;

    ProcessCpu(LocalSystem system) {
        this.system = system;
    }

    /** CPU seconds each process has used so far, the load generator's own ({@value #LOAD}) among them. */
    Map<String, Double> sample() throws IOException {
        Map<String, Double> cpu = new TreeMap<>();
        for (Map.Entry<String, Long> process : system.pids().entrySet()) {
            cpu.put(process.getKey(), seconds(process.getValue()));
        }
        cpu.put(LOAD, seconds(ProcessHandle.current().pid()));
        return cpu;
    }

    /** As {@link #sample()}, with one more process under a name of its own. */
    Map<String, Double> sample(String name, long pid) throws IOException {
        Map<String, Double> cpu = sample();
        cpu.put(name, seconds(pid));
        return cpu;
    }

    /**
     * Prints where the CPU between two samples went, per process and per item; returns the milliseconds per item of
     * the system's processes (the load generator's left out).
     */
    static double print(String phase, Map<String, Double> before, Map<String, Double> after, long items, String item) {
        StringBuilder header = new StringBuilder("| CPU during " + phase + " |");
        StringBuilder line = new StringBuilder("| ms per " + item + " (" + items + ") |");
        double total = 0;
        double system = 0;
        for (Map.Entry<String, Double> process : after.entrySet()) {
            double used = process.getValue() - before.getOrDefault(process.getKey(), 0.0);
            total += used;
            if (!process.getKey().equals(LOAD)) {
                system += used;
            }
            header.append(' ').append(process.getKey()).append(" |");
            line.append(String.format(" %.1f |", 1000 * used / Math.max(1, items)));
        }
        System.out.printf("%n%s all |%n|%s%n%s %.1f |%n", header, "---|".repeat(after.size() + 2), line,
                1000 * total / Math.max(1, items));
        return 1000 * system / Math.max(1, items);
    }

    /** As {@link #print(String, Map, Map, long, String)}, up to now. */
    double printSince(String phase, Map<String, Double> before, long items, String item) throws IOException {
        return print(phase, before, sample(), items, item);
    }

    static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** User + system CPU time of a process so far, from /proc (clock ticks of 1/100 s). */
    static double seconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    }
}
