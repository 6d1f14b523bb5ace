package org.cfpflow.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * 8. The organizers' and reviewers' pages of a large call: a conference with 2,000 proposals, a quarter of them reviewed
 * by alice; then bob's review board (25 to review and 25 of the ranking, his progress) and the organizers' list of
 * proposals (50 a page; also filtered, searched and further on) at 20 requests/s each, open loop.
 */
final class ConsoleBenchmark {

    static final String CONFERENCE = "console";
    private static final int PROPOSALS = Integer.parseInt(System.getenv().getOrDefault("CFP_BENCH_CONSOLE_PROPOSALS",
            "2000"));
    private static final Duration READS = Duration.ofSeconds(20);

    private final Pipeline pipeline;
    private final Summary summary;

    ConsoleBenchmark(Pipeline pipeline, Summary summary) {
        this.pipeline = pipeline;
        this.summary = summary;
    }

    void run() throws Exception {
        System.out.printf("%n## 8. Organizers' and reviewers' pages: %d proposals in one conference%n%n", PROPOSALS);
        pipeline.define(CONFERENCE, "Console Conference");
        pipeline.awaitCaughtUp();
        String[] ids = new String[PROPOSALS];
        AtomicInteger next = new AtomicInteger();
        Load.closedLoop(16, URI.create(pipeline.url("submission")), connection -> {
            for (int i = next.getAndIncrement(); i < PROPOSALS; i = next.getAndIncrement()) {
                Connection.Answer answer = connection.send(Load.post(pipeline.proposals(CONFERENCE),
                        pipeline.proposalJson("console", i)));
                if (answer.status() != 201) {
                    throw new IllegalStateException("proposal " + i + " refused: " + answer.status());
                }
                ids[i] = Pipeline.id(answer.body());
            }
        });
        pipeline.awaitCaughtUp();
        AtomicInteger reviewed = new AtomicInteger();
        Load.closedLoop(8, URI.create(pipeline.url("review")), connection -> {
            for (int i = reviewed.getAndIncrement(); i < PROPOSALS / 4; i = reviewed.getAndIncrement()) {
                connection.send(new Load.Request(URI.create(pipeline.url("review") + "/api/reviews/proposals/"
                        + ids[i * 4]), "{\"score\":" + (1 + i % 5) + "}", pipeline.reviewer()));
            }
        });
        pipeline.awaitCaughtUp();

        String bob = basic("bob@example.org", pipeline.system.reviewerPassword());
        String organizer = basic("organizer@example.org", pipeline.system.organizerPassword());
        String review = pipeline.url("review");
        String submission = pipeline.url("submission");
        Map<String, IntFunction<Load.Request>> reads = new LinkedHashMap<>();
        reads.put("GET /{c}/board (bob: progress, 25 to review, 25 of the ranking)",
                i -> Load.get(review + "/" + CONFERENCE + "/board", bob));
        reads.put("GET /{c}/board?q=…&page=… (a search, a later page)",
                i -> Load.get(review + "/" + CONFERENCE + "/board?q=%231&page=" + (i % 3), bob));
        reads.put("GET /{c}/proposals (organizer, 50 a page)",
                i -> Load.get(submission + "/" + CONFERENCE + "/proposals", organizer));
        reads.put("GET /{c}/proposals?status=…&q=…&sort=title&page=… (filtered, sorted, later pages)",
                i -> Load.get(submission + "/" + CONFERENCE + "/proposals?status=SUBMITTED&q=console&sort=title&page="
                        + (i % 40), organizer));
        System.out.printf("| 20 /s for %d s, open loop | 200 | p50 ms | p99 ms | max ms | UTC |%n"
                + "|---|---|---|---|---|---|%n", READS.toSeconds());
        Load.readTable(20, READS, reads).forEach((read, h) -> summary.add("| %s, %d proposals, 20 /s | p99 %s ms | ≤ 100 ms |",
                read, PROPOSALS, Load.ms(h, 99)));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
