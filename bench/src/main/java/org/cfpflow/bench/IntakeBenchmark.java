package org.cfpflow.bench;

import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * 1. {@code POST /api/conferences/{c}/proposals}: saturated (32 clients) beside the insert-only app on the same store, its ceiling;
 * then at fixed rates (open loop). Reports the CPU a proposal costs across all processes, until every e-mail of it
 * is sent.
 */
final class IntakeBenchmark {

    /** How long the saturated intake (and the insert-only app) is measured: 20 s, or CFP_BENCH_SATURATION_SECONDS. */
    private static final Duration SATURATION = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("CFP_BENCH_SATURATION_SECONDS", "20")));

    private final Pipeline pipeline;
    private final ProcessCpu cpu;
    private final Summary summary;
    /** ProposalSubmitted events published per second while saturated: the event ceiling compares with it. */
    private double eventsPerSecond;

    IntakeBenchmark(Pipeline pipeline, ProcessCpu cpu, Summary summary) {
        this.pipeline = pipeline;
        this.cpu = cpu;
        this.summary = summary;
    }

    double eventsPerSecond() {
        return eventsPerSecond;
    }

    void run() throws Exception {
        String proposals = pipeline.url("submission") + Pipeline.PROPOSALS;
        Load.saturate(16, Duration.ofSeconds(10), proposals, i -> pipeline.proposalJson("warm", i), 201);
        pipeline.awaitCaughtUp();
        long publishedBefore = pipeline.proposalsPublished();
        Map<String, Double> cpuBefore = cpu.sample();
        Map<String, long[]> commandsBefore = pipeline.scraping.storeCommands();
        long t0 = System.nanoTime();
        Load.Saturated ours = Load.saturate(32, SATURATION, proposals, i -> pipeline.proposalJson("sat", i), 201);
        Map<String, Double> cpuInWindow = cpu.sample();
        eventsPerSecond = (pipeline.proposalsPublished() - publishedBefore) / ((System.nanoTime() - t0) / 1e9);
        // the CPU of the proposals taken, until every consumer has caught up with them
        pipeline.awaitCaughtUp();
        Map<String, Double> cpuQuiet = cpu.sample();

        Load.Saturated ceiling;
        Map<String, Double> cpuCeilingBefore;
        Map<String, Double> cpuCeiling;
        try (Ceiling app = Ceiling.start(pipeline.root, pipeline.system)) {
            String url = app.url() + "/api/proposals";
            Load.saturate(16, Duration.ofSeconds(10), url, i -> pipeline.proposalJson("warm", i), 201);
            cpuCeilingBefore = cpu.sample("ceiling app", app.pid());
            ceiling = Load.saturate(32, SATURATION, url, i -> pipeline.proposalJson("sat", i), 201);
            cpuCeiling = cpu.sample("ceiling app", app.pid());
        }
        System.out.printf("%n## 1. Intake: POST /api/conferences/{c}/proposals%n%n| | proposals/s |%n|---|---|%n");
        System.out.printf("| submission-service, saturated (32 clients, %d s) | %.0f |%n", SATURATION.toSeconds(),
                ours.perSecond());
        System.out.printf("| … in each 5 s | %s |%n", ours.slices());
        System.out.printf("| ceiling: minimal Boot app inserting the body into the same store | %.0f |%n",
                ceiling.perSecond());
        System.out.printf("| … in each 5 s | %s |%n", ceiling.slices());
        System.out.printf("| ProposalSubmitted events published meanwhile | %.0f /s |%n", eventsPerSecond);
        summary.add("| intake at saturation | %.0f /s (ceiling: the insert-only app, %.0f /s) | ≥ 1,000 /s |",
                ours.perSecond(), ceiling.perSecond());
        ProcessCpu.print("the " + SATURATION.toSeconds() + " s of saturated intake", cpuBefore, cpuInWindow,
                ours.ok(), "proposal");
        double perProposal = ProcessCpu.print("saturated intake and its e-mails", cpuBefore, cpuQuiet, ours.ok(),
                "proposal");
        summary.cpuPerProposal(perProposal);
        ProcessCpu.print("the insert-only app's " + SATURATION.toSeconds() + " s", cpuCeilingBefore, cpuCeiling,
                ceiling.ok(), "request");
        pipeline.scraping.printStoreCommands(commandsBefore, ours.ok(), "proposal");
        fixedRates();
    }

    private void fixedRates() {
        System.out.printf("%n| fixed rate (open loop, 20 s) | sent | 201 | p50 ms | p99 ms | p99.9 ms | max ms | UTC "
                + "| store writes per proposal |%n|---|---|---|---|---|---|---|---|---|%n");
        for (int rate : new int[] {50, 100, 200, 400}) {
            String from = Load.utcNow();
            Map<String, long[]> commands = pipeline.scraping.storeCommands();
            Load.OpenLoopResult result = Load.openLoop(rate, Duration.ofSeconds(20),
                    i -> pipeline.proposal("rate" + rate, i), null);
            Histogram h = result.latencies();
            String to = Load.utcNow();
            pipeline.awaitCaughtUp();
            // the window, to find what else happened then in the logs (the store logs its slow commands)
            System.out.printf("| %d /s | %d | %d | %s | %s | %s | %s | %s–%s | %.2f |%n", rate, result.sent(),
                    result.ok(), Load.ms(h, 50), Load.ms(h, 99), Load.ms(h, 99.9), Load.ms(h, 100), from, to,
                    pipeline.scraping.writesSince(commands) / (double) Math.max(1, result.ok()));
            if (rate == 200) {
                summary.add("| intake p99 at 200 /s | " + Load.ms(h, 99) + " ms | ≤ 50 ms |");
            }
        }
    }
}
