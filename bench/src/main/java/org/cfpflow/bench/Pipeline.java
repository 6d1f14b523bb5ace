package org.cfpflow.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cfpflow.faults.KafkaFaults;
import org.cfpflow.local.JsonHttp;
import org.cfpflow.local.LocalSystem;
import org.cfpflow.local.MailboxFile;

/**
 * The local run under load, as the benchmarks use it: its conference and timetable, the requests they send (a
 * proposal, a decision), and the waits between benchmarks (every consumer caught up, every receipt in the mailbox).
 */
final class Pipeline {

    static final String TRACK = "kernel";
    static final String CONFERENCE = "bench";
    /** Where the benchmark conference takes proposals. */
    static final String PROPOSALS = "/api/conferences/" + CONFERENCE + "/proposals";
    static final String TIMETABLE = "/api/conferences/" + CONFERENCE + "/timetable";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    final LocalSystem system;
    final KafkaFaults kafka;
    final Path root;
    final Scraping scraping;
    /** In every title and address: proposals of one run never collide with another's. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    /** The track lead who decides, as HTTP Basic. */
    private final String decider;

    Pipeline(LocalSystem system, KafkaFaults kafka, Path root) {
        this.system = system;
        this.kafka = kafka;
        this.root = root;
        this.scraping = new Scraping(system);
        this.decider = basic("bob@example.org");
    }

    String url(String service) {
        return system.url(service);
    }

    /** A conference with one track and, for placement, 20 rooms over three days; waits until every service has it. */
    void defineConference() {
        define(CONFERENCE, "Benchmark Conference");
        placeIn(CONFERENCE, 20, 3);
        awaitCaughtUp();
    }

    /** A conference of the run, its call open: organizer, alice reviewing, bob reviewing and deciding. */
    void define(String conference, String title) {
        JsonHttp.Response defined = system.organizer("submission").send("PUT", "/api/conferences/" + conference,
                Map.of("title", title, "timezone", "Europe/Berlin",
                        "callOpens", Instant.now().minus(Duration.ofDays(1)).toString(),
                        "callCloses", Instant.now().plus(Duration.ofDays(30)).toString(),
                        "tracks", List.of(Map.of("slug", TRACK, "name", "Kernel", "durations", List.of(5, 10, 15, 20),
                                "leads", List.of())),
                        "team", List.of(Map.of("email", "organizer@example.org", "roles", List.of("ORGANIZER")),
                                Map.of("email", "alice@example.org", "roles", List.of("REVIEWER")),
                                Map.of("email", "bob@example.org", "roles", List.of("REVIEWER", "DECIDER")))));
        if (defined.status() != 200 && defined.status() != 201) {
            throw new IllegalStateException("could not define the conference " + conference + ": " + defined);
        }
    }

    /** {@code rooms} rooms for the track, 09:00 to 18:00 on {@code days} days, once the schedule-service knows it. */
    void placeIn(String conference, int rooms, int days) {
        LocalDate day = LocalDate.now().plusMonths(6);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int room = 1; room <= rooms; room++) {
                blocks.add(Map.of("track", TRACK, "room", "Room " + room, "start", day.plusDays(d) + "T09:00",
                        "end", day.plusDays(d) + "T18:00", "breaks", List.of()));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (system.organizer("schedule").send("PUT", "/api/conferences/" + conference + "/timetable/blocks",
                Map.of("blocks", blocks)).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the schedule-service never heard of " + conference);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    Load.Request proposal(String phase, int i) {
        return Load.post(url("submission") + PROPOSALS, proposalJson(phase, i));
    }

    /** Where {@code conference} takes proposals. */
    String proposals(String conference) {
        return url("submission") + "/api/conferences/" + conference + "/proposals";
    }

    String proposalJson(String phase, int i) {
        return "{\"title\":\"Bench " + run + " " + phase + " #" + i + "\",\"abstract\":\"What we measured.\","
                + "\"description\":\"A proposal of the benchmark run, about as long as a real abstract's first lines.\","
                + "\"track\":\"" + TRACK + "\",\"durationMinutes\":" + (5 + 5 * (i % 4)) + ",\"speakers\":[{\"name\":"
                + "\"Speaker " + i + "\",\"email\":\"" + phase + "-" + run + "-" + i + "@example.org\"}]}";
    }

    /** The value of an Authorization header for alice, a reviewer. */
    String reviewer() {
        return basic("alice@example.org");
    }

    /** HTTP Basic for one of the run's reviewers (alice, bob: one password). */
    private String basic(String reviewer) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (reviewer + ":" + system.reviewerPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** A track lead's acceptance of a proposal. */
    Load.Request accept(String proposalId) {
        return new Load.Request(URI.create(url("review") + "/api/reviews/proposals/" + proposalId + "/decision"),
                "{\"decision\":\"ACCEPT\",\"note\":\"bench\"}", decider);
    }

    /** The id in a 201's body, or "" without one. */
    static String id(String body) {
        Matcher m = ID.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    /**
     * When each proposal's receipt reached the SMTP server (epoch microseconds), from the sink's mailbox file, read
     * as it grows until every one is there or {@code limit} has passed.
     */
    Map<String, Long> awaitReceipts(Set<String> ids, Duration limit) throws IOException {
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

    /** Receipts the mailbox holds more than once for the same proposal and speaker. */
    long duplicatedReceipts(Set<String> ids) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (MailboxFile.Mail mail : MailboxFile.read(system.mailbox())) {
            if (mail.kind().equals("SUBMITTED") && ids.contains(mail.proposalId())) {
                counts.merge(mail.proposalId() + " " + mail.recipient(), 1, Integer::sum);
            }
        }
        return counts.values().stream().mapToLong(n -> n - 1).sum();
    }

    /** Every consumer at the end of its topics and every e-mail sent: the next benchmark starts from quiet. */
    void awaitCaughtUp() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (kafka.lag() != 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        JsonHttp notifications = system.organizer("notification");
        // asking for pending mail is a search through every notification in the store (~0.2 s of its CPU with a
        // run's 25,000): asked once a second it would be most of the store's work while the system drains. So the
        // look comes once nothing moves any more: every event consumed and no e-mail sent, retried or failed for a
        // second
        long outcomes = -1;
        while (System.nanoTime() < deadline) {
            long now = scraping.emailOutcomes();
            if (now == outcomes && kafka.lag() == 0 && notifications.get("/api/notifications?status=PENDING&size=1")
                    .json().path("page").path("totalElements").asLong() == 0) {
                return;
            }
            outcomes = now;
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    /** How many ProposalSubmitted events {@code cfp.proposals} holds, over its partitions. */
    long proposalsPublished() throws Exception {
        return kafka.endOffsets(List.of("cfp.proposals")).values().stream().mapToLong(Long::longValue).sum();
    }
}
