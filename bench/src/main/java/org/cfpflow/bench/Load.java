package org.cfpflow.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Load from 127.0.0.1: open loop at a fixed rate (latency from the intended start), or closed loop at saturation. */
final class Load {

    /** A POST of a JSON body, or a GET ({@code json} null), with the Authorization header's value or null. */
    record Request(URI uri, String json, String authorization) {

        String method() {
            return json == null ? "GET" : "POST";
        }
    }

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
     * with the moment (System.nanoTime) it was due. Each request goes out on a connection no other request is using
     * (an idle one or a new one), from a thread of its own: however many are waiting, the next leaves on time.
     */
    static OpenLoopResult openLoop(double perSecond, Duration length, IntFunction<Request> request,
                                   BiConsumer<Connection.Answer, Long> onAnswer) {
        int count = (int) (perSecond * length.toMillis() / 1000);
        Recorder recorder = new Recorder(3);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Queue<Connection>> idle = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newCachedThreadPool();
        List<Future<?>> inFlight = new ArrayList<>(count);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            Request post = request.apply(i);
            inFlight.add(senders.submit(() -> {
                Queue<Connection> pool = idle.computeIfAbsent(post.uri().getAuthority(),
                        authority -> new ConcurrentLinkedQueue<>());
                Connection connection = pool.poll();
                if (connection == null) {
                    connection = new Connection(post.uri());
                }
                Connection.Answer answer = null;
                try {
                    answer = connection.send(post);
                }
                catch (java.io.IOException e) {
                    // counted below as status -1
                }
                long latency = (System.nanoTime() - due) / 1_000;
                pool.add(connection);
                recorder.recordValue(Math.max(1, latency));
                statuses.merge(answer == null ? -1 : answer.status(), 1, Integer::sum);
                if (answer != null && onAnswer != null) {
                    onAnswer.accept(answer, due);
                }
            }));
        }
        // each request ends within its socket's timeouts (connect 5 s, read 30 s): no wait here is unbounded
        for (Future<?> sent : inFlight) {
            try {
                sent.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while requests were in flight", e);
            }
            catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the benchmark's own handling of an answer failed", e.getCause());
            }
        }
        senders.shutdownNow();
        idle.values().forEach(pool -> pool.forEach(Connection::close));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new OpenLoopResult(perSecond, count, Map.copyOf(statuses), recorder.getIntervalHistogram(), seconds);
    }

    /** What a closed-loop run got: answers with the expected status in each 5 s of the run. */
    record Saturated(double seconds, long[] okPerSlice) {

        static final long SLICE_NANOS = TimeUnit.SECONDS.toNanos(5);

        long ok() {
            return java.util.Arrays.stream(okPerSlice).sum();
        }

        double perSecond() {
            return ok() / seconds;
        }

        /** The rate in each 5 s slice (the last one may be shorter): steady, or falling as a backlog grows. */
        String slices() {
            StringBuilder rates = new StringBuilder();
            for (int i = 0; i < okPerSlice.length; i++) {
                double length = Math.min(5, seconds - 5.0 * i);
                rates.append(i == 0 ? "" : " · ").append(Math.round(okPerSlice[i] / length));
            }
            return rates.toString();
        }
    }

    /** What one closed-loop client does with its connection until it is done. */
    interface Client {
        void run(Connection connection) throws Exception;
    }

    /**
     * {@code clients} closed-loop clients at once, each on a keep-alive connection of its own to {@code base}
     * ({@link Connection}); returns when every one is done, with the first failure of any.
     */
    static void closedLoop(int clients, URI base, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(pool.submit(() -> {
                    try (Connection connection = new Connection(base)) {
                        client.run(connection);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        finally {
            pool.shutdown();
        }
    }

    /** {@code clients} each POSTing the next body to {@code url} as soon as the previous answered, for {@code length}. */
    static Saturated saturate(int clients, Duration length, String url, IntFunction<String> json, int expectedStatus)
            throws Exception {
        URI uri = URI.create(url);
        return saturate(clients, length, uri, i -> new Request(uri, json.apply(i), null), expectedStatus);
    }

    /** {@code clients} each sending the next request to {@code base} as soon as the previous answered, for {@code length}. */
    static Saturated saturate(int clients, Duration length, URI base, IntFunction<Request> request, int expectedStatus)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLongArray okPerSlice = new java.util.concurrent.atomic.AtomicLongArray(
                (int) ((length.toNanos() + Saturated.SLICE_NANOS - 1) / Saturated.SLICE_NANOS));
        long start = System.nanoTime();
        long end = start + length.toNanos();
        closedLoop(clients, base, connection -> {
            while (System.nanoTime() < end) {
                try {
                    if (connection.send(request.apply(next.getAndIncrement())).status() == expectedStatus) {
                        long at = System.nanoTime() - start;
                        okPerSlice.incrementAndGet((int) Math.min(okPerSlice.length() - 1, at / Saturated.SLICE_NANOS));
                    }
                }
                catch (java.io.IOException e) {
                    // counted as not ok; the next request opens a new connection
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] slices = new long[okPerSlice.length()];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = okPerSlice.get(i);
        }
        return new Saturated(seconds, slices);
    }

    /**
     * Each read at {@code perSecond} for {@code length}, open loop, after 10 s of the same as warm-up; prints one row of
     * the table (name, 200s of sent, p50, p99, max, UTC window) and returns each read's latencies by name.
     */
    static Map<String, Histogram> readTable(double perSecond, Duration length, Map<String, IntFunction<Request>> reads) {
        Map<String, Histogram> latencies = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<Request>> read : reads.entrySet()) {
            openLoop(perSecond, Duration.ofSeconds(10), read.getValue(), null);
            String from = utcNow();
            OpenLoopResult result = openLoop(perSecond, length, read.getValue(), null);
            Histogram h = result.latencies();
            System.out.printf("| %s | %d of %d | %s | %s | %s | %s–%s |%n", read.getKey(),
                    result.statuses().getOrDefault(200, 0), result.sent(), ms(h, 50), ms(h, 99), ms(h, 100), from,
                    utcNow());
            latencies.put(read.getKey(), h);
        }
        return latencies;
    }

    static Request post(String url, String json) {
        return new Request(URI.create(url), json, null);
    }

    static Request get(String url, String authorization) {
        return new Request(URI.create(url), null, authorization);
    }

    static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "—" : String.format("%.1f", h.getValueAtPercentile(percentile) / 1000.0);
    }

    /** The wall-clock time of day in UTC, to find a window of a benchmark in the logs. */
    static String utcNow() {
        return LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    /** Now, in nanoseconds since the epoch: to set System.nanoTime against the mailbox's receipt times. */
    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

}
