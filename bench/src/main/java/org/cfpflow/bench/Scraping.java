package org.cfpflow.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.cfpflow.local.LocalSystem;

/** What the services count themselves, read from their {@code /actuator/prometheus}. */
final class Scraping {

    /** The commands of {@code mongodb.driver.commands} that write. */
    private static final Pattern WRITE_COMMANDS = Pattern.compile("command=\"(insert|update|delete|findAndModify)\"");

    private final LocalSystem system;

    Scraping(LocalSystem system) {
        this.system = system;
    }

    /** E-mails sent, retried or failed so far: the notification-service's {@code cfp.emails} counters, summed. */
    long emailOutcomes() {
        return system.organizer("notification").get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("cfp_emails_total{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * Per service: {writes, reads} sent to the store so far, counted by the services' own MongoDB driver
     * ({@code mongodb.driver.commands}; health checks' pings left out). The counts follow the code and how its work
     * batches, not what else the machine runs at that moment: far steadier than one run's CPU, they show what a
     * change saves where the CPU is within the noise.
     */
    Map<String, long[]> storeCommands() {
        Map<String, long[]> commands = new TreeMap<>();
        for (String service : LocalSystem.SERVICES) {
            long[] counts = new long[2];
            system.organizer(service).get("/actuator/prometheus").body().lines()
                    .filter(line -> line.startsWith("mongodb_driver_commands_seconds_count{")
                            && !line.contains("command=\"ping\""))
                    .forEach(line -> {
                        long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        counts[WRITE_COMMANDS.matcher(line).find() ? 0 : 1] += count;
                    });
            commands.put(service, counts);
        }
        return commands;
    }

    /** Write commands all services sent to the store since {@code before}. */
    long writesSince(Map<String, long[]> before) {
        return storeCommands().entrySet().stream()
                .mapToLong(e -> e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0]).sum();
    }

    /** What each service asked of the store per item (proposal, decision) since {@code before}: a table. */
    void printStoreCommands(Map<String, long[]> before, long items, String item) {
        Map<String, long[]> after = storeCommands();
        StringBuilder header = new StringBuilder("| store commands (writes / reads) |");
        StringBuilder line = new StringBuilder("| per " + item + " |");
        long writes = 0;
        long reads = 0;
        for (Map.Entry<String, long[]> service : after.entrySet()) {
            long[] was = before.getOrDefault(service.getKey(), new long[2]);
            long w = service.getValue()[0] - was[0];
            long r = service.getValue()[1] - was[1];
            writes += w;
            reads += r;
            header.append(' ').append(service.getKey()).append(" |");
            line.append(String.format(" %.2f / %.2f |", w / (double) Math.max(1, items), r / (double) Math.max(1, items)));
        }
        System.out.printf("%n%s all |%n|%s%n%s %.2f / %.2f |%n", header, "---|".repeat(after.size() + 2), line,
                writes / (double) Math.max(1, items), reads / (double) Math.max(1, items));
    }
}
