package org.cfpflow.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;


import org.apache.kafka.common.TopicPartition;
import org.cfpflow.local.JsonHttp;
import org.cfpflow.local.LocalSystem;
import org.cfpflow.local.MailboxFile;


/**
 * The fault suite: starts the local run (separate processes, own ports and home), then for each round and each
 * scenario offers a burst of proposals with decisions flowing, injects the fault when 40 % of the burst is out,
 * waits until every service is ready and caught up (consumer lag 0, every e-mail handed to SMTP), and checks every
 * invariant ({@link Verdict}). Prints a table; exits non-zero when an invariant failed.
 *
 * <pre>./cfp faults [ROUNDS] [PROPOSALS] [RATE] [SMTP_DOWN_SECONDS]</pre>
 * The rate is one the whole system sustains on two cores (10/s by default): recovery measures the fault, not a
 * backlog the load built.
 */
public final class FaultSuite {

    static {
        // quiet Kafka clients: the suite takes the broker away on purpose (before any logger exists)
        System.setProperty("logback.configurationFile", "faults-logback.xml");
    }

    /** How long after the fault (and the burst) ended every service must be ready and caught up. */
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(4);
    private static final String TRACK = "kernel";
    static final String CONFERENCE = "faults";
    private static final String TIMETABLE = "/api/conferences/" + CONFERENCE + "/timetable";
    private static final List<Integer> DURATIONS = List.of(5, 10, 15, 20);

    /**
     * {@code environment}: extra settings of the local run (JVM options, say); {@code only}: the scenarios whose
     * names contain one of these (all when empty).
     */
    record Options(int rounds, int proposals, double perSecond, Duration outage, Duration smtpDown,
                   Map<String, String> environment, List<String> only) {

        List<Scenario> selected() {
            return FaultSuite.scenarios().stream()
                    .filter(s -> only.isEmpty() || only.stream().anyMatch(o -> s.name().toLowerCase().contains(o)))
                    .toList();
        }
    }

    /** Times from the later of the fault's end and the burst's end; -1: not within the wait limit. */
    record Row(int round, String scenario, Verdict verdict, double recoverySeconds, double drainedSeconds, String note) {
        boolean passed() {
            return verdict.holds();
        }
    }

    /** A fault, injected while a burst runs; returns when the fault is over (the process is back). */
    interface Fault {
        void inject(Scenario.Context context) throws Exception;
    }

    record Scenario(String name, double at, int allowedDuplicates, Fault fault) {

        /** What a fault can reach, and what it leaves for the checks. */
        static final class Context {
            final LocalSystem system;
            final KafkaFaults kafka;
            final Options options;
            final Map<TopicPartition, Long> startOffsets;
            final List<String> problems = new ArrayList<>();
            final List<String> notes = new ArrayList<>();

            Context(LocalSystem system, KafkaFaults kafka, Options options, Map<TopicPartition, Long> startOffsets) {
                this.system = system;
                this.kafka = kafka;
                this.options = options;
                this.startOffsets = startOffsets;
            }
        }
    }

    private FaultSuite() {
    }

    static List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (String service : LocalSystem.SERVICES) {
            // the one window the notification-service documents: a message the SMTP server took in the instant
            // before the kill, not yet recorded, goes out again (same Message-ID), at most one per connection
            scenarios.add(new Scenario("kill -9 " + service + "-service", 0.4,
                    service.equals("notification") ? 4 : 0, c -> {
                c.system.kill(service);
                c.system.restart(service);
            }));
        }
        scenarios.add(new Scenario("kill -9 Kafka broker", 0.4, 0, c -> {
            c.system.kill("kafka");
            pause(c.options.outage());
            c.system.restart("kafka");
        }));
        scenarios.add(new Scenario("kill -9 MongoDB store", 0.4, 0, c -> {
            c.system.kill("mongo");
            pause(c.options.outage());
            c.system.restart("mongo");
        }));
        scenarios.add(new Scenario("SMTP server down", 0.4, 0, c -> {
            c.system.kill("smtp");
            pause(c.options.smtpDown());
            c.system.restart("smtp");
            c.notes.add("down " + c.options.smtpDown().toSeconds() + " s");
        }));
        scenarios.add(new Scenario("poison records, every topic", 0.4, 0, c -> {
            Map<String, Long> before = c.kafka.deadLetters();
            int perTopic = c.kafka.poisonEveryTopic();
            Instant deadline = Instant.now().plus(WAIT_LIMIT);
            Map<String, Long> after;
            while (!allGrew(before, after = c.kafka.deadLetters(), perTopic) && Instant.now().isBefore(deadline)) {
                pause(Duration.ofMillis(250));
            }
            for (Map.Entry<String, Long> dlq : after.entrySet()) {
                long grew = dlq.getValue() - before.getOrDefault(dlq.getKey(), 0L);
                if (grew != perTopic) {
                    c.problems.add(dlq.getKey() + " got " + grew + " of the " + perTopic + " poison records");
                }
            }
            c.notes.add(perTopic + " poison records × " + KafkaFaults.GROUPS_BY_TOPIC.size() + " topics → "
                    + after.size() + " DLQs");
        }));
        scenarios.add(new Scenario("duplicate storm, every topic", 0.9, 0, c -> {
            int copies = c.kafka.reproduce(c.startOffsets, 2);
            c.notes.add(copies + " records re-produced");
        }));
        return scenarios;
    }

    private static boolean allGrew(Map<String, Long> before, Map<String, Long> after, int by) {
        return after.entrySet().stream().allMatch(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L) >= by);
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(arg(args, 0, 5), arg(args, 1, 2_000), arg(args, 2, 10),
                Duration.ofSeconds(10), Duration.ofSeconds(arg(args, 3, 180)), Map.of(),
                args.length > 4 && !args[4].isBlank() ? List.of(args[4].toLowerCase().split(",")) : List.of());
        Path root = Path.of(System.getProperty("cfp.root", ".")).toAbsolutePath().normalize();
        List<Row> rows = run(root, root.resolve("cfp-faults/target/faults-home"), options, System.out);
        System.exit(rows.stream().allMatch(Row::passed) ? 0 : 1);
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    static List<Row> run(Path root, Path home, Options options, PrintStream out) throws Exception {
        List<Row> rows = new ArrayList<>();
        out.printf("Fault suite: %d round(s) × %d scenarios, %d proposals per burst at %.0f/s, outages %d s, SMTP down %d s%n",
                options.rounds(), options.selected().size(), options.proposals(), options.perSecond(),
                options.outage().toSeconds(), options.smtpDown().toSeconds());
        try (LocalSystem system = LocalSystem.fresh(root, home)) {
            options.environment().forEach(system::with);
            long started = System.nanoTime();
            system.start();
            out.printf("Local run up in %.1f s (home %s)%n", (System.nanoTime() - started) / 1e9, home);
            try (KafkaFaults kafka = new KafkaFaults(system.kafka())) {
                defineConference(system, kafka);
                for (int round = 1; round <= options.rounds(); round++) {
                    for (Scenario scenario : options.selected()) {
                        Row row = runScenario(round, scenario, system, kafka, options);
                        rows.add(row);
                        out.println(format(row));
                        row.verdict().problems().stream().limit(10).forEach(p -> out.println("    ✗ " + p));
                    }
                }
            }
            out.println();
            out.println(table(rows));
        }
        return rows;
    }

    private static Row runScenario(int round, Scenario scenario, LocalSystem system, KafkaFaults kafka,
                                   Options options) throws Exception {
        long began = System.nanoTime();
        String run = "r" + round + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Scenario.Context context = new Scenario.Context(system, kafka, options, kafka.endOfEveryTopic());
        JsonHttp submission = system.anonymous("submission");
        JsonHttp decider = system.decider("review");
        Burst burst = new Burst(submission, decider, TRACK, DURATIONS, options.proposals(), options.perSecond(), run);

        CompletableFuture<Long> fault = CompletableFuture.supplyAsync(() -> {
            while (burst.progress() < scenario.at() * options.proposals()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            try {
                scenario.fault().inject(context);
            }
            catch (Exception e) {
                context.problems.add("the fault could not be injected: " + e.getMessage());
            }
            return System.nanoTime();
        });
        burst.run();
        long burstEnd = System.nanoTime();
        long faultEnd = fault.get(10, TimeUnit.MINUTES);
        long from = Math.max(burstEnd, faultEnd);

        JsonHttp organizer = system.organizer("submission");
        JsonHttp reviewer = system.reviewer("review");
        JsonHttp schedule = system.anonymous("schedule");
        // recovery (the invariant): every service ready and every consumer group at the end of its topics; then
        // the e-mails the acknowledged facts call for, all at the SMTP server (reported, and checked below)
        double recovery = -1;
        double drained = -1;
        long deadline = from + WAIT_LIMIT.toNanos();
        long nextProgress = from;
        while (System.nanoTime() < deadline) {
            if (recovery < 0 && readyAndCaughtUp(system, kafka)) {
                recovery = (System.nanoTime() - from) / 1e9;
            }
            if (recovery < 0 && System.nanoTime() >= nextProgress) {
                // what a slow recovery waits for, as it happens (stderr: the table stays clean)
                System.err.printf("    %5.1f s: lag %s%n", (System.nanoTime() - from) / 1e9, kafka.lagByGroup());
                nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            if (recovery >= 0 && everyMailSent(system, burst, schedule)) {
                drained = (System.nanoTime() - from) / 1e9;
                break;
            }
            pause(Duration.ofMillis(250));
        }
        Verdict verdict = Verdict.of(burst, organizer, reviewer, schedule.get(TIMETABLE).json(),
                MailboxFile.read(system.mailbox()), scenario.allowedDuplicates());
        List<String> problems = new ArrayList<>(context.problems);
        if (recovery < 0) {
            problems.add("not ready and caught up " + WAIT_LIMIT.toSeconds() + " s after the fault and the burst ended"
                    + " (lag " + kafka.lag() + ")");
        }
        else if (recovery > RECOVERY_LIMIT.toSeconds()) {
            problems.add(String.format("ready and caught up (lag 0) only %.1f s after the fault ended", recovery));
        }
        if (burst.undecided.get() > 0) {
            context.notes.add(burst.undecided.get() + " decisions never acknowledged");
        }
        Verdict withAll = verdict.with(problems);
        String note = burst.offered.get() + " offered, " + burst.refused.get() + " refused, "
                + burst.decisions.size() + " decided" + (context.notes.isEmpty() ? "" : "; " + String.join("; ", context.notes));
        return new Row(round, scenario.name(), withAll, recovery, drained, note);
    }

    /** Every service ready, every consumer group at the end of its topics. */
    private static boolean readyAndCaughtUp(LocalSystem system, KafkaFaults kafka) {
        for (String service : LocalSystem.SERVICES) {
            if (system.anonymous(service).get("/actuator/health/readiness").status() != 200) {
                return false;
            }
        }
        return kafka.lag() == 0;
    }

    /** Every e-mail the acknowledged facts call for is at the SMTP server. */
    private static boolean everyMailSent(LocalSystem system, Burst burst, JsonHttp schedule) throws IOException {
        JsonHttp.Response timetable = schedule.get(TIMETABLE);
        if (timetable.status() != 200) {
            return false;
        }
        java.util.Set<String> expected = Verdict.expectedMails(burst, timetable.json());
        for (MailboxFile.Mail mail : MailboxFile.read(system.mailbox())) {
            expected.remove(Verdict.key(mail.proposalId(), mail.recipient(), mail.kind()));
        }
        return expected.isEmpty();
    }

    private static void defineConference(LocalSystem system, KafkaFaults kafka) throws Exception {
        JsonHttp organizer = system.organizer("submission");
        JsonHttp.Response defined = organizer.send("PUT", "/api/conferences/" + CONFERENCE, Map.of(
                "title", "Fault Suite Conference", "timezone", "Europe/Berlin",
                "callOpens", Instant.now().minus(Duration.ofDays(1)).toString(),
                "callCloses", Instant.now().plus(Duration.ofDays(30)).toString(),
                "tracks", List.of(Map.of("slug", TRACK, "name", "Kernel", "durations", DURATIONS,
                        "leads", List.of(Map.of("name", "Lead", "email", "lead@example.org")))),
                "team", List.of(Map.of("email", "organizer@example.org", "roles", List.of("ORGANIZER")),
                        Map.of("email", "alice@example.org", "roles", List.of("REVIEWER")),
                        Map.of("email", "bob@example.org", "roles", List.of("REVIEWER", "DECIDER")))));
        if (defined.status() != 200 && defined.status() != 201) {
            throw new IllegalStateException("could not define the conference: " + defined);
        }
        LocalDate day = LocalDate.now().plusMonths(6);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            for (String room : List.of("Room A", "Room B")) {
                blocks.add(Map.of("track", TRACK, "room", room, "start", day.plusDays(d) + "T09:00",
                        "end", day.plusDays(d) + "T17:00",
                        "breaks", List.of(Map.of("start", day.plusDays(d) + "T12:00", "end", day.plusDays(d) + "T13:00"))));
            }
        }
        JsonHttp schedule = system.organizer("schedule");
        Instant deadline = Instant.now().plus(WAIT_LIMIT);
        JsonHttp.Response placed;
        while ((placed = schedule.send("PUT", TIMETABLE + "/blocks", Map.of("blocks", blocks))).status() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not set the timetable blocks: " + placed);
            }
            pause(Duration.ofMillis(250));
        }
        while (kafka.lag() != 0 && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(250));
        }
    }

    static String format(Row row) {
        Verdict v = row.verdict();
        return String.format("| %d | %s | %d | %d / %d / %d | %d | %s | %s | %s | %s | %s |", row.round(), row.scenario(),
                v.proposals(), v.emailsExpected(), v.emailsSent(), v.duplicated(), v.lost(),
                v.unplaced() + v.overlaps() == 0 ? "ok" : v.unplaced() + " unplaced, " + v.overlaps() + " overlaps",
                seconds(row.recoverySeconds()), seconds(row.drainedSeconds()), row.passed() ? "✓" : "✗", row.note());
    }

    private static String seconds(double value) {
        return value < 0 ? "—" : String.format("%.1f s", value);
    }

    static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("| round | scenario | proposals (201) | e-mails expected / sent / duplicated "
                + "| lost | timetable | ready, lag 0 after | every e-mail sent after | invariants | notes |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> table.append(format(row)).append('\n'));
        return table.toString();
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }
}
