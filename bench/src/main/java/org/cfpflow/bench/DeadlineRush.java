package org.cfpflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deadline rush: {@code N} submissions as fast as {@code C} clients can (closed loop: this measures capacity,
 * not latency), then the time from the last 201 until the last receipt was handed to SMTP, and the lost and
 * duplicated counts. Against the running local system; load from 127.0.0.1 only, bounded in count and time.
 */
public final class DeadlineRush {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DeadlineRush() {
    }

    public static void main(String[] args) throws Exception {
        int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        String submission = env("SUBMISSION_URL", "http://127.0.0.1:8081");
        String notification = env("NOTIFICATION_URL", "http://127.0.0.1:8084");
        String mailbox = env("MAILBOX_URL", "http://127.0.0.1:8025");
        String organizer = "Basic " + Base64.getEncoder().encodeToString(
                (env("DEMO_ORGANIZER", "organizer@example.org") + ":" + env("DEMO_ORGANIZER_PASSWORD", "organizer"))
                        .getBytes(StandardCharsets.UTF_8));
        String run = Long.toString(System.currentTimeMillis(), 36);
        String track = JSON.readTree(get(submission + "/api/conference", null).body()).path("tracks").get(0).path("slug").asString();
        int duration = JSON.readTree(get(submission + "/api/conference", null).body()).path("tracks").get(0)
                .path("durations").get(0).asInt();
        long mailsBefore = mailboxCount(mailbox);
        long receiptsBefore = receiptsSent(notification, organizer);

        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong last201 = new AtomicLong();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < proposals) {
                    String body = "{\"title\":\"Rush " + run + " #" + i + "\",\"abstract\":\"a\",\"description\":\"d\","
                            + "\"track\":\"" + track + "\",\"durationMinutes\":" + duration + ",\"speakers\":[{\"name\":"
                            + "\"Speaker " + i + "\",\"email\":\"rush-" + run + "-" + i + "@example.org\"}]}";
                    int status = post(submission + "/api/proposals", body);
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 201) {
                        created.incrementAndGet();
                        last201.set(System.nanoTime());
                    }
                    else {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double submitSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long receipts;
        while ((receipts = receiptsSent(notification, organizer) - receiptsBefore) < created.get()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double drainSeconds = (System.nanoTime() - last201.get()) / 1e9;
        long mails = mailboxCount(mailbox) - mailsBefore;

        System.out.println();
        System.out.printf("| deadline rush | value |%n|---|---|%n");
        System.out.printf("| proposals sent / 201 / refused | %d / %d / %d %s |%n", proposals, created.get(), refused.get(), statuses);
        System.out.printf("| clients | %d |%n", clients);
        System.out.printf("| time to submit all | %.2f s (%.0f proposals/s) |%n", submitSeconds, created.get() / submitSeconds);
        System.out.printf("| last 201 → last receipt handed to SMTP | %.2f s |%n", drainSeconds);
        System.out.printf("| receipts SENT | %d |%n", receipts);
        System.out.printf("| lost (201 without receipt) | %d |%n", Math.max(0, created.get() - receipts));
        System.out.printf("| duplicated (messages at SMTP − receipts) | %d |%n", Math.max(0, mails - receipts));
    }

    private static long receiptsSent(String notification, String organizer) throws Exception {
        JsonNode page = JSON.readTree(get(notification + "/api/notifications?status=SENT&size=1", organizer).body());
        return page.path("page").path("totalElements").asLong();
    }

    private static long mailboxCount(String mailbox) throws Exception {
        String page = get(mailbox + "/", null).body();
        int at = page.indexOf("<h1>Mailbox (");
        return at < 0 ? 0 : Long.parseLong(page.substring(at + 13, page.indexOf(')', at)));
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int post(String url, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
        catch (Exception e) {
            return -1;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
