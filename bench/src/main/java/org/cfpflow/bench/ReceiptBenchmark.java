package org.cfpflow.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;

/**
 * 2. Submit → receipt handed to SMTP, at 50 /s (open loop): each proposal timed from when its request was due to
 * when the local SMTP sink recorded its receipt; beside the sink's own ceiling.
 */
final class ReceiptBenchmark {

    private final Pipeline pipeline;
    private final ProcessCpu cpu;
    private final Summary summary;

    ReceiptBenchmark(Pipeline pipeline, ProcessCpu cpu, Summary summary) {
        this.pipeline = pipeline;
        this.cpu = cpu;
        this.summary = summary;
    }

    void run() throws Exception {
        Map<String, Long> submittedAtMicros = new ConcurrentHashMap<>();
        Map<String, Double> cpuBefore = cpu.sample();
        Map<String, long[]> commandsBefore = pipeline.scraping.storeCommands();
        long epochOffsetNanos = Load.epochNanos() - System.nanoTime();
        Load.OpenLoopResult result = Load.openLoop(50, Duration.ofSeconds(30), i -> pipeline.proposal("receipt", i),
                (response, due) -> {
                    if (response.status() == 201) {
                        submittedAtMicros.put(Pipeline.id(response.body()), (due + epochOffsetNanos) / 1_000);
                    }
                });
        Map<String, Long> received = pipeline.awaitReceipts(submittedAtMicros.keySet(), Duration.ofMinutes(3));
        pipeline.awaitCaughtUp();
        cpu.printSince("submit → receipt", cpuBefore, submittedAtMicros.size(), "proposal");
        pipeline.scraping.printStoreCommands(commandsBefore, submittedAtMicros.size(), "proposal");
        Histogram latencies = new Histogram(3);
        received.forEach((id, at) -> latencies.recordValue(Math.max(1, at - submittedAtMicros.get(id))));
        SinkCeiling sink = SinkCeiling.measure("127.0.0.1", pipeline.system.smtpPort(), 4, 20_000);
        System.out.printf("%n## 2. Submit → receipt handed to SMTP (50 /s, open loop, 30 s)%n%n"
                        + "| receipts | p50 ms | p99 ms | p99.9 ms | max ms |%n|---|---|---|---|---|%n"
                        + "| %d of %d | %s | %s | %s | %s |%n",
                received.size(), submittedAtMicros.size(), Load.ms(latencies, 50), Load.ms(latencies, 99),
                Load.ms(latencies, 99.9), Load.ms(latencies, 100));
        System.out.printf("%nSink: the local run's SMTP server (cfp-local `SmtpSink`: one write per reply, records each "
                + "message before its 250). Its own ceiling, %d messages over %d connections: %.0f messages/s, "
                + "%.2f ms per message on one connection.%n", sink.messages(), sink.connections(), sink.perSecond(),
                sink.millisPerMessage());
        summary.add("| submit → receipt at 50 /s | p50 " + Load.ms(latencies, 50) + " ms, p99 "
                + Load.ms(latencies, 99) + " ms | p50 ≤ 50 ms, p99 ≤ 200 ms |");
        if (result.ok() != submittedAtMicros.size()) {
            System.out.println("(some 201 bodies had no id)");
        }
        pipeline.awaitCaughtUp();
    }
}
