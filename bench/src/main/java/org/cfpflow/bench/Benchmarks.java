package org.cfpflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.cfpflow.bench.placement.PlacementBenchmark;
import org.cfpflow.faults.KafkaFaults;
import org.cfpflow.local.JsonHttp;
import org.cfpflow.local.LocalSystem;
import org.cfpflow.local.MailboxFile;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Every benchmark of the pipeline in one run, each figure beside its ceiling where it has one. Starts the local run
 * (separate processes, own ports, fresh data) and loads it from 127.0.0.1 only; prints one table per benchmark and
 * a summary against the targets. {@code ./cfp bench [RUSH_PROPOSALS]}.
 */
public final class Benchmarks {

    private static final String TRACK = "kernel";
    private static final Pattern PROPOSAL_ID = Pattern.compile("\"proposalId\"\\s*:\\s*\"([^\"]+)\"");
    /** Decisions before the measured ones, not measured. */
    private static final int STREAM_WARM_UP = 200;
    /** How long the saturated intake (and the insert-only app) is measured: 20 s, or CFP_BENCH_SATURATION_SECONDS. */
    private static final Duration SATURATION = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("CFP_BENCH_SATURATION_SECONDS", "20")));

    private final LocalSystem system;
    private final KafkaFaults kafka;
    private final Path root;
    private final List<String> summary = new ArrayList<>();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    /** ProposalSubmitted events published per second during saturated intake, set by the intake benchmark. */
    private double summaryEvents;

    private Benchmarks(LocalSystem system, KafkaFaults kafka, Path root) {
        this.system = system;
        this.kafka = kafka;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "faults-logback.xml");
        int rush = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        // a subset, e.g. "rush" or "intake,stream": for profiling one path
        Set<String> only = args.length > 1 ? Set.of(args[1].split(",")) : Set.of("intake", "receipt", "stream", "rush",
                "events", "placement");
        Path root = Path.of(System.getProperty("cfp.root", ".")).toAbsolutePath().normalize();
        Path home = root.resolve("bench/target/bench-home");
        System.out.printf("Machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("java.version"));
        LocalSystem system = LocalSystem.fresh(root, home);
        long started = System.nanoTime();
        system.start();
        double startup = (System.nanoTime() - started) / 1e9;
        try (system; KafkaFaults kafka = new KafkaFaults(system.kafka())) {
            Benchmarks benchmarks = new Benchmarks(system, kafka, root);
            benchmarks.startup(startup, "after start-up");
            benchmarks.defineConference();
            if (only.contains("intake") || only.contains("events")) {
                benchmarks.intake();
            }
            if (only.contains("receipt")) {
                benchmarks.submitToReceipt();
            }
            if (only.contains("stream")) {
                benchmarks.acceptToStream();
            }
            if (only.contains("rush")) {
                benchmarks.deadlineRush(rush);
            }
            if (only.contains("events")) {
                benchmarks.eventCeiling();
            }
            benchmarks.startup(startup, "after the load");
            if (only.contains("placement")) {
                benchmarks.placement();
            }
            System.out.println("\n## Summary (targets from issue #10)\n");
            System.out.println("| what | measured | target |\n|---|---|---|");
            benchmarks.summary.forEach(System.out::println);
        }
    }

    // 6. start-up and resident memory
    private void startup(double seconds, String when) throws IOException {
        System.out.printf("%n## Start-up and memory (%s)%n%n| process | resident (MB) | CPU so far (s) |%n|---|---|---|%n", when);
        long worst = 0;
        for (Map.Entry<String, Long> process : system.pids().entrySet()) {
            long rss = residentKb(process.getValue());
            if (LocalSystem.SERVICES.contains(process.getKey())) {
                worst = Math.max(worst, rss);
            }
            System.out.printf("| %s | %d | %.1f |%n", process.getKey(), rss / 1024, cpuSeconds(process.getValue()));
        }
        if (when.startsWith("after start-up")) {
            System.out.printf("%n`./cfp local` (built tree, fresh data) to all healthy: %.1f s%n", seconds);
            summary.add(String.format("| start-up to all healthy | %.1f s | ≤ 30 s |", seconds));
        }
        summary.add(String.format("| largest service resident, %s | %d MB | ≤ 400 MB |", when, worst / 1024));
    }

    // 1. intake, with the minimal app as its ceiling
    private void intake() throws Exception {
        String submission = system.url("submission");
        Load.saturate(16, Duration.ofSeconds(10), submission + "/api/proposals", i -> proposalJson("warm", i), 201);
        awaitCaughtUp();
        Map<Integer, Long> before = proposalsTopicEnd();
        Map<String, Double> cpuBefore = cpu();
        Map<String, long[]> commandsBefore = storeCommands();
        long t0 = System.nanoTime();
        Load.Saturated saturatedRun = Load.saturate(32, SATURATION, submission + "/api/proposals",
                i -> proposalJson("sat", i), 201);
        double ours = saturatedRun.perSecond();
        Map<String, Double> cpuInWindow = cpu();
        double eventsPerSecond = (proposalsTopicEnd().values().stream().mapToLong(Long::longValue).sum()
                - before.values().stream().mapToLong(Long::longValue).sum()) / ((System.nanoTime() - t0) / 1e9);
        // the CPU of the proposals taken, until every consumer has caught up with them
        awaitCaughtUp();
        Map<String, Double> cpuQuiet = cpu();
        long saturated = saturatedRun.ok();
        summaryEvents = eventsPerSecond;
        Load.Saturated ceilingRun;
        Map<String, Double> cpuCeilingBefore;
        Map<String, Double> cpuCeiling;
        try (Ceiling app = Ceiling.start(root, system)) {
            Load.saturate(16, Duration.ofSeconds(10), app.url() + "/api/proposals", i -> proposalJson("warm", i), 201);
            cpuCeilingBefore = cpu(app.pid());
            ceilingRun = Load.saturate(32, SATURATION, app.url() + "/api/proposals", i -> proposalJson("sat", i), 201);
            cpuCeiling = cpu(app.pid());
        }
        System.out.printf("%n## 1. Notifications: POST /api/proposals%n%n| | proposals/s |%n|---|---|%n");
        double ceiling = ceilingRun.perSecond();
        System.out.printf("| submission-service, saturated (32 clients, %d s) | %.0f |%n", SATURATION.toSeconds(), ours);
        System.out.printf("| … in each 5 s | %s |%n", saturatedRun.slices());
        System.out.printf("| ceiling: minimal Boot app inserting the body into the same store | %.0f |%n", ceiling);
        System.out.printf("| … in each 5 s | %s |%n", ceilingRun.slices());
        System.out.printf("| ratio | %.0f %% |%n", 100 * ours / ceiling);
        System.out.printf("| ProposalSubmitted events published meanwhile | %.0f /s |%n", eventsPerSecond);
        summary.add(String.format("| intake at saturation | %.0f /s (%.0f %% of the minimal app's %.0f /s) | ≥ 1,000 /s, ≥ 80 %% |",
                ours, 100 * ours / ceiling, ceiling));
        printCpu("the " + SATURATION.toSeconds() + " s of saturated intake", cpuBefore, cpuInWindow, saturated, "proposal");
        printCpu("saturated intake and its e-mails", cpuBefore, cpuQuiet, saturated, "proposal");
        printCpu("the insert-only app's " + SATURATION.toSeconds() + " s", cpuCeilingBefore, cpuCeiling, ceilingRun.ok(),
                "request");
        printStoreCommands(commandsBefore, saturated, "proposal");

        System.out.printf("%n| fixed rate (open loop, 20 s) | sent | 201 | p50 ms | p99 ms | p99.9 ms | max ms | UTC | store writes per proposal |%n"
                + "|---|---|---|---|---|---|---|---|---|%n");
        for (int rate : new int[] {50, 100, 200, 400}) {
            String from = utcNow();
            Map<String, long[]> commands = storeCommands();
            Load.OpenLoopResult result = Load.openLoop(rate, Duration.ofSeconds(20),
                    i -> proposal(submission, "rate" + rate, i), null);
            Histogram h = result.latencies();
            String to = utcNow();
            awaitCaughtUp();
            // the window, to find what else happened then in the logs (the store logs its slow commands)
            System.out.printf("| %d /s | %d | %d | %s | %s | %s | %s | %s–%s | %.2f |%n", rate, result.sent(), result.ok(),
                    Load.ms(h, 50), Load.ms(h, 99), Load.ms(h, 99.9), Load.ms(h, 100), from, to,
                    writesSince(commands) / (double) Math.max(1, result.ok()));
            if (rate == 200) {
                summary.add("| intake p99 at 200 /s | " + Load.ms(h, 99) + " ms | ≤ 50 ms |");
            }
        }
    }

    // 2. submit → receipt handed to SMTP
    private void submitToReceipt() throws Exception {
        String submission = system.url("submission");
        Map<String, Long> submittedAtMicros = new ConcurrentHashMap<>();
        Map<String, Double> cpuBefore = cpu();
        Map<String, long[]> commandsBefore = storeCommands();
        long epochOffsetNanos = epochNanos() - System.nanoTime();
        Load.OpenLoopResult result = Load.openLoop(50, Duration.ofSeconds(30), i -> proposal(submission, "receipt", i),
                (response, due) -> {
                    if (response.status() == 201) {
                        submittedAtMicros.put(id(response.body()), (due + epochOffsetNanos) / 1_000);
                    }
                });
        Map<String, Long> received = awaitReceipts(submittedAtMicros.keySet(), Duration.ofMinutes(3));
        awaitCaughtUp();
        printCpu("submit → receipt", cpuBefore, submittedAtMicros.size(), "proposal");
        printStoreCommands(commandsBefore, submittedAtMicros.size(), "proposal");
        Histogram latencies = new Histogram(3);
        received.forEach((id, at) -> latencies.recordValue(Math.max(1, at - submittedAtMicros.get(id))));
        SinkCeiling sink = SinkCeiling.measure("127.0.0.1", system.smtpPort(), 4, 20_000);
        System.out.printf("%n## 2. Submit → receipt handed to SMTP (50 /s, open loop, 30 s)%n%n"
                        + "| receipts | p50 ms | p99 ms | p99.9 ms | max ms |%n|---|---|---|---|---|%n| %d of %d | %s | %s | %s | %s |%n",
                received.size(), submittedAtMicros.size(), Load.ms(latencies, 50), Load.ms(latencies, 99),
                Load.ms(latencies, 99.9), Load.ms(latencies, 100));
        System.out.printf("%nSink: the local run's SMTP server (cfp-local `SmtpSink`: one write per reply, records each "
                + "message before its 250). Its own ceiling, %d messages over %d connections: %.0f messages/s, "
                + "%.2f ms per message on one connection.%n", sink.messages(), sink.connections(), sink.perSecond(),
                sink.millisPerMessage());
        summary.add("| submit → receipt at 50 /s | p50 " + Load.ms(latencies, 50) + " ms, p99 " + Load.ms(latencies, 99)
                + " ms | p50 ≤ 50 ms, p99 ≤ 200 ms |");
        if (result.ok() != submittedAtMicros.size()) {
            System.out.println("(some 201 bodies had no id)");
        }
        awaitCaughtUp();
    }

    // 3. accept → change visible on /api/timetable/stream
    private void acceptToStream() throws Exception {
        String submission = system.url("submission");
        List<String> ids = new ArrayList<>();
        Load.openLoop(100, Duration.ofSeconds(8), i -> proposal(submission, "accept", i), (response, due) -> {
            if (response.status() == 201) {
                synchronized (ids) {
                    ids.add(id(response.body()));
                }
            }
        });
        awaitCaughtUp();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        HttpRequest stream = HttpRequest.newBuilder(URI.create(system.url("schedule") + "/api/timetable/stream"))
                .header("Accept", "text/event-stream").GET().build();
        var subscription = HttpClient.newHttpClient().sendAsync(stream, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                response.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        Matcher m = PROPOSAL_ID.matcher(line);
                        long now = System.nanoTime();
                        while (m.find()) {
                            seen.putIfAbsent(m.group(1), now);
                        }
                    }
                }));
        String review = system.url("review");
        String decider = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("bob@example.org:" + system.reviewerPassword()).getBytes(StandardCharsets.UTF_8));
        // warm-up, as the intake has one: the first decisions run code no earlier benchmark ran, and the JIT
        // compiling it in every service would be measured as latency
        List<String> warmUp = ids.subList(0, Math.min(ids.size(), STREAM_WARM_UP));
        Load.openLoop(20, Duration.ofSeconds(warmUp.size() / 20), i -> accept(review, decider, warmUp.get(i)), null);
        awaitCaughtUp();
        List<String> measured = ids.subList(warmUp.size(), ids.size());
        int count = Math.min(measured.size(), 400);
        Map<String, Double> cpuBefore = cpu();
        Map<String, long[]> commandsBefore = storeCommands();
        Decisions atTarget = decide(review, decider, measured.subList(0, count), 20, seen);
        // the same path at a quarter of the rate: what a decision takes when it does not queue behind others
        List<String> rest = measured.subList(count, measured.size());
        awaitCaughtUp();
        Decisions light = decide(review, decider, rest.subList(0, Math.min(rest.size(), 100)), 5, seen);
        subscription.cancel(true);
        System.out.printf("%n## 3. Accept → change on /api/timetable/stream (open loop)%n%n"
                + "| rate | decisions | refused | seen on the stream | p50 ms | p99 ms | max ms | UTC |%n"
                + "|---|---|---|---|---|---|---|---|%n%s%s", atTarget.row(20), light.row(5));
        summary.add("| accept → stream at 20 /s | p99 " + Load.ms(atTarget.latencies(), 99) + " ms (at 5 /s: "
                + Load.ms(light.latencies(), 99) + " ms) | ≤ 100 ms |");
        awaitCaughtUp();
        printCpu("the decisions and their e-mails", cpuBefore, atTarget.count() + light.count(), "decision");
        printStoreCommands(commandsBefore, atTarget.count() + light.count(), "decision");
    }

    /** Decisions at a fixed rate (open loop), each timed from its request to its proposal's id on the stream. */
    private Decisions decide(String review, String decider, List<String> proposals, int perSecond,
                             Map<String, Long> seen) {
        Map<String, Long> decidedAt = new ConcurrentHashMap<>();
        AtomicLong refused = new AtomicLong();
        String from = utcNow();
        Load.openLoop(perSecond, Duration.ofSeconds(proposals.size() / perSecond), i -> {
            decidedAt.put(proposals.get(i), System.nanoTime());
            return accept(review, decider, proposals.get(i));
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
        return new Decisions(decidedAt.size(), refused.get(), latencies, from + "–" + utcNow());
    }

    private record Decisions(int count, long refused, Histogram latencies, String window) {

        String row(int perSecond) {
            return String.format("| %d /s | %d | %d | %d | %s | %s | %s | %s |%n", perSecond, count, refused,
                    latencies.getTotalCount(), Load.ms(latencies, 50), Load.ms(latencies, 99),
                    Load.ms(latencies, 100), window);
        }
    }

    private static String utcNow() {
        return LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    private static Load.Post accept(String review, String decider, String proposalId) {
        return new Load.Post(URI.create(review + "/api/reviews/proposals/" + proposalId + "/decision"),
                "{\"decision\":\"ACCEPT\",\"note\":\"bench\"}", decider);
    }

    // 4. the deadline rush
    private void deadlineRush(int proposals) throws Exception {
        String submission = system.url("submission");
        Set<String> created = ConcurrentHashMap.newKeySet();
        // what answered other than 201, by status or exception: not acknowledged, so not lost, but reported
        Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
        AtomicLong last201 = new AtomicLong();
        long epochOffsetNanos = epochNanos() - System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Map<String, Double> cpuBefore = cpu();
        Map<String, long[]> commandsBefore = storeCommands();
        long start = System.nanoTime();
        Load.closedLoop(32, URI.create(submission), connection -> {
            int i;
            while ((i = next.getAndIncrement()) < proposals) {
                try {
                    Connection.Answer answer = connection.send(proposal(submission, "rush", i));
                    if (answer.status() == 201) {
                        created.add(id(answer.body()));
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
        Map<String, Long> received = awaitReceipts(created, Duration.ofMinutes(10));
        long lastReceipt = received.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double drain = (lastReceipt - (last201.get() + epochOffsetNanos) / 1_000) / 1e6;
        long duplicated = duplicatedReceipts(created);
        System.out.printf("%n## 4. Deadline rush: %d submissions from 32 clients%n%n| | |%n|---|---|%n"
                        + "| 201 | %d |%n| time to submit all | %.1f s (%.0f /s) |%n"
                        + "| last 201 → last receipt handed to SMTP | %.1f s |%n| lost (201 without receipt) | %d |%n"
                        + "| duplicated receipts | %d |%n", proposals, created.size(), submitSeconds,
                created.size() / submitSeconds, drain, created.size() - received.size(), duplicated);
        refused.forEach((why, count) -> System.out.printf("| not acknowledged: %s | %d |%n", why, count.get()));
        summary.add(String.format("| deadline rush, %d: last 201 → last receipt | %.1f s, lost %d, duplicated %d | ≤ 30 s, 0, 0 |",
                proposals, drain, created.size() - received.size(), duplicated));
        awaitCaughtUp();
        printCpu("the rush", cpuBefore, created.size(), "proposal");
        printStoreCommands(commandsBefore, created.size(), "proposal");
    }

    // the event ceiling: Kafka's own producer performance tool against the same broker
    private void eventCeiling() throws Exception {
        Path out = Files.createTempFile("producer-perf", ".txt");
        List<String> command = List.of(javaBin(), "-cp", localClasspath(),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.producer-perf", "--num-records", "200000",
                "--record-size", "700", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + system.kafka(), "acks=all", "enable.idempotence=true");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        process.waitFor(5, TimeUnit.MINUTES);
        String last = Files.readAllLines(out).stream().filter(l -> l.contains("records sent")).reduce((a, b) -> b)
                .orElse("no result: " + Files.readString(out));
        Matcher rate = Pattern.compile("([0-9.]+) records/sec").matcher(last);
        double ceiling = rate.find() ? Double.parseDouble(rate.group(1)) : Double.NaN;
        System.out.printf("%n## Event ceiling: kafka-producer-perf-test, same broker (200,000 × 700 B, acks=all, idempotent)%n%n"
                + "%s%n%n| | events/s |%n|---|---|%n| ProposalSubmitted published during saturated intake | %.0f |%n"
                + "| ceiling: Kafka's producer tool | %.0f |%n| ratio | %.1f %% |%n", last, summaryEvents, ceiling,
                100 * summaryEvents / ceiling);
        summary.add(String.format("| events published at saturation | %.0f /s (%.1f %% of the broker's %.0f /s) | — |",
                summaryEvents, 100 * summaryEvents / ceiling, ceiling));
    }

    // 5. placement (JMH, in a forked JVM)
    private void placement() throws Exception {
        var results = new Runner(new OptionsBuilder().include(PlacementBenchmark.class.getName()).build()).run();
        for (RunResult result : results) {
            double ms = result.getPrimaryResult().getScore();
            System.out.printf("%n## 5. Placement: 1,000 talks, 20 rooms, 3 days, shared speakers (JMH)%n%n"
                    + "| mean per 1,000 talks | error (99.9 %%) |%n|---|---|%n| %.2f ms | ± %.2f ms |%n", ms,
                    result.getPrimaryResult().getScoreError());
            summary.add(String.format("| placement of 1,000 talks | %.2f ms | ≤ 1 s |", ms));
        }
    }

    /**
     * When each proposal's receipt reached the SMTP server (epoch microseconds), from the sink's mailbox file, read
     * as it grows until every one is there or {@code limit} has passed.
     */
    private Map<String, Long> awaitReceipts(Set<String> ids, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, Long> received = new HashMap<>();
        MailboxFile.Tail mailbox = new MailboxFile.Tail(system.mailbox());
        while (true) {
            for (MailboxFile.Mail mail : mailbox.next()) {
                if (mail.kind().equals("SUBMITTED") && ids.contains(mail.proposalId())) {
                    Instant at = mail.receivedAt();
                    received.merge(mail.proposalId(), at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000,
                            Math::min);
                }
            }
            if (received.size() >= ids.size() || System.nanoTime() >= deadline) {
                return received;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private long duplicatedReceipts(Set<String> ids) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (MailboxFile.Mail mail : MailboxFile.read(system.mailbox())) {
            if (mail.kind().equals("SUBMITTED") && ids.contains(mail.proposalId())) {
                counts.merge(mail.proposalId() + " " + mail.recipient(), 1, Integer::sum);
            }
        }
        return counts.values().stream().mapToLong(n -> n - 1).sum();
    }

    /** Every consumer at the end of its topics and every e-mail sent: the next benchmark starts from quiet. */
    private void awaitCaughtUp() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (kafka.lag() != 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        JsonHttp notifications = system.organizer("notification");
        // asking for pending mail is a search through every notification in the store, ~0.2 s of its CPU with the
        // 25,000 of a run: asked once a second, it was most of the store's work while the system drained (and in
        // the CPU per item). So the look comes once nothing moves any more: every event consumed and no e-mail
        // sent, retried or failed for a second
        long outcomes = -1;
        while (System.nanoTime() < deadline) {
            long now = emailOutcomes(notifications);
            if (now == outcomes && kafka.lag() == 0 && notifications.get("/api/notifications?status=PENDING&size=1")
                    .json().path("page").path("totalElements").asLong() == 0) {
                return;
            }
            outcomes = now;
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    /** E-mails sent, retried or failed so far: the notification-service's {@code cfp.emails} counters, summed. */
    private static long emailOutcomes(JsonHttp notifications) {
        return notifications.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("cfp_emails_total{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private Map<Integer, Long> proposalsTopicEnd() throws Exception {
        Map<Integer, Long> ends = new HashMap<>();
        kafka.endOffsets(List.of("cfp.proposals")).forEach((tp, end) -> ends.put(tp.partition(), end));
        return ends;
    }

    private void defineConference() {
        JsonHttp.Response defined = system.organizer("submission").send("PUT", "/api/conference", Map.of(
                "title", "Benchmark Conference", "acronym", "bench", "timezone", "Europe/Berlin",
                "callOpens", Instant.now().minus(Duration.ofDays(1)).toString(),
                "callCloses", Instant.now().plus(Duration.ofDays(30)).toString(),
                "tracks", List.of(Map.of("slug", TRACK, "name", "Kernel", "durations", List.of(5, 10, 15, 20),
                        "leads", List.of()))));
        if (defined.status() != 200) {
            throw new IllegalStateException("could not define the conference: " + defined);
        }
        LocalDate day = LocalDate.now().plusMonths(6);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            for (int room = 1; room <= 20; room++) {
                blocks.add(Map.of("track", TRACK, "room", "Room " + room, "start", day.plusDays(d) + "T09:00",
                        "end", day.plusDays(d) + "T18:00", "breaks", List.of()));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (system.organizer("schedule").send("PUT", "/api/timetable/blocks", Map.of("blocks", blocks)).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the schedule-service never heard of the conference");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        awaitCaughtUp();
    }

    private Load.Post proposal(String base, String phase, int i) {
        return Load.post(base + "/api/proposals", proposalJson(phase, i));
    }

    private String proposalJson(String phase, int i) {
        return "{\"title\":\"Bench " + run + " " + phase + " #" + i + "\",\"abstract\":\"What we measured.\","
                + "\"description\":\"A proposal of the benchmark run, about as long as a real abstract's first lines.\","
                + "\"track\":\"" + TRACK + "\",\"durationMinutes\":" + (5 + 5 * (i % 4)) + ",\"speakers\":[{\"name\":"
                + "\"Speaker " + i + "\",\"email\":\"" + phase + "-" + run + "-" + i + "@example.org\"}]}";
    }

    private static String id(String body) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** CPU seconds each process has used so far, the load generator's own ("load") among them. */
    private Map<String, Double> cpu() throws IOException {
        Map<String, Double> cpu = new java.util.TreeMap<>();
        for (Map.Entry<String, Long> process : system.pids().entrySet()) {
            cpu.put(process.getKey(), cpuSeconds(process.getValue()));
        }
        cpu.put("load", cpuSeconds(ProcessHandle.current().pid()));
        return cpu;
    }

    /** As {@link #cpu()}, with the insert-only app's process ("ceiling app"). */
    private Map<String, Double> cpu(long ceilingApp) throws IOException {
        Map<String, Double> cpu = cpu();
        cpu.put("ceiling app", cpuSeconds(ceilingApp));
        return cpu;
    }

    /** Where the CPU of a phase went, per process and per item (proposal, decision): what a rate costs. */
    private void printCpu(String phase, Map<String, Double> before, long items, String item) throws IOException {
        printCpu(phase, before, cpu(), items, item);
    }

    private static void printCpu(String phase, Map<String, Double> before, Map<String, Double> after, long items,
                                 String item) {
        StringBuilder header = new StringBuilder("| CPU during " + phase + " |");
        StringBuilder line = new StringBuilder("| ms per " + item + " (" + items + ") |");
        double total = 0;
        for (Map.Entry<String, Double> process : after.entrySet()) {
            double used = process.getValue() - before.getOrDefault(process.getKey(), 0.0);
            total += used;
            header.append(' ').append(process.getKey()).append(" |");
            line.append(String.format(" %.1f |", 1000 * used / Math.max(1, items)));
        }
        System.out.printf("%n%s all |%n|%s%n%s %.1f |%n", header, "---|".repeat(after.size() + 2), line,
                1000 * total / Math.max(1, items));
    }

    /**
     * What each service asked of the store per item: writes (insert, update, delete) and reads, counted by the
     * services' own MongoDB driver ({@code mongodb.driver.commands}; health checks' pings left out). The counts
     * follow the code and how its work batches, not what else the machine runs at that moment: far steadier than one
     * run's CPU, they show what a change saves where the CPU is within the noise.
     */
    private void printStoreCommands(Map<String, long[]> before, long items, String item) {
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

    /** Write commands all services sent to the store since {@code before}. */
    private long writesSince(Map<String, long[]> before) {
        return storeCommands().entrySet().stream()
                .mapToLong(e -> e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0]).sum();
    }

    /** The commands of {@code mongodb.driver.commands} that write. */
    private static final java.util.regex.Pattern WRITE_COMMANDS =
            java.util.regex.Pattern.compile("command=\"(insert|update|delete|findAndModify)\"");

    /** Per service: {writes, reads} sent to the store so far. */
    private Map<String, long[]> storeCommands() {
        Map<String, long[]> commands = new java.util.TreeMap<>();
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

    /** User + system CPU time of a process so far, from /proc (clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String localClasspath() throws IOException {
        return root.resolve("cfp-local/target/classes") + ":" + Files.readString(root.resolve("cfp-local/target/classpath.txt")).strip();
    }
}
