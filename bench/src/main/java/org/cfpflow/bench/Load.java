package org.cfpflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Load from 127.0.0.1: open loop at a fixed rate (latency from the intended start), or closed loop at saturation. */
final class Load {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What an open-loop run saw: latencies in microseconds, measured from when each request was due. */
    record OpenLoopResult(double offeredPerSecond, int sent, Map<Integer, Integer> statuses, Histogram latencies,
                          double seconds) {
        int ok() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToInt(Map.Entry::getValue).sum();
        }
    }

    private Load() {
    }

    /**
     * Sends request {@code i} at {@code start + i / rate} whether or not earlier ones have answered (no coordinated
     * omission: a stall shows as latency of everything that was due during it); {@code onAnswer} sees each answer
     * with the moment (System.nanoTime) it was due.
     */
    static OpenLoopResult openLoop(double perSecond, Duration length, IntFunction<HttpRequest> request,
                                   BiConsumer<HttpResponse<String>, Long> onAnswer) {
        int count = (int) (perSecond * length.toMillis() / 1000);
        Recorder recorder = new Recorder(3);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            inFlight.add(HTTP.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        long latency = (System.nanoTime() - due) / 1_000;
                        recorder.recordValue(Math.max(1, latency));
                        int status = failure != null ? -1 : response.statusCode();
                        statuses.merge(status, 1, Integer::sum);
                        if (response != null && onAnswer != null) {
                            onAnswer.accept(response, due);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).orTimeout(2, TimeUnit.MINUTES)
                .exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new OpenLoopResult(perSecond, count, Map.copyOf(statuses), recorder.getIntervalHistogram(), seconds);
    }

    /**
     * {@code clients} each POSTing the next body to {@code url} as soon as the previous answered, for
     * {@code length}, each on its own keep-alive connection ({@link Connection}).
     */
    static double saturate(int clients, Duration length, String url, IntFunction<String> json, int expectedStatus)
            throws Exception {
        URI uri = URI.create(url);
        AtomicInteger next = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                try (Connection connection = new Connection(uri)) {
                    while (System.nanoTime() < end) {
                        try {
                            if (connection.post(uri.getPath(), json.apply(next.getAndIncrement())).status()
                                    == expectedStatus) {
                                ok.incrementAndGet();
                            }
                        }
                        catch (java.io.IOException e) {
                            // counted as not ok; the next request opens a new connection
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }

    static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "—" : String.format("%.1f", h.getValueAtPercentile(percentile) / 1000.0);
    }
}
