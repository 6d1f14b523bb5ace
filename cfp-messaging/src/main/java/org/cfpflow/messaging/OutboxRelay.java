package org.cfpflow.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;

/**
 * Publishes the pending events of every {@link Aggregate} collection to Kafka, then removes them from their
 * documents. A crash between the two publishes them again on the next run: consumers are idempotent on
 * {@code ce_id}, so at-least-once here is exactly-once in effect. Events of one document go out in the order
 * they were raised, on one idempotent producer, keyed by subject.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_HINTS = 100_000;
    private static final Duration BACKLOG_COUNT_MAX_AGE = Duration.ofSeconds(10);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final String source;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> hintedPerCollection = new ConcurrentHashMap<>();
    private final Map<String, Counted> storeCounts = new ConcurrentHashMap<>();
    private final SafetyNetSchedule fullScans;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedRuns = new AtomicLong();
    private final MeterRegistry meters;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
                       String source, OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.source = source;
        this.properties = properties;
        this.meters = meters;
        this.fullScans = new SafetyNetSchedule(properties.fullScanInterval(), properties.fullScanQuietPeriod(),
                System::nanoTime);
        for (String collection : this.collections) {
            hintedPerCollection.put(collection, new AtomicInteger());
            Gauge.builder("cfp.outbox.backlog", this, relay -> relay.backlog(collection))
                    .description("Documents whose events are not yet published").tag("collection", collection)
                    .register(meters);
        }
        FunctionCounter.builder("cfp.outbox.failed.runs", failedRuns, AtomicLong::get)
                .description("Relay runs that failed (Kafka or MongoDB unreachable)").register(meters);
    }

    /**
     * What waits to be published. While the relay keeps up, that is the documents saved since its last run, known
     * without asking the store: counting them there reads the whole collection (mongo-java-server has no index for
     * it) and held it 100-500 ms at every scrape of the metrics, stalling every writer of it. After a failed run or
     * dropped hints the relay no longer knows, so the store counts, at most every 10 s.
     */
    private double backlog(String collection) {
        if (fullScans.knowsWhatIsPending()) {
            return hintedPerCollection.get(collection).get();
        }
        Counted counted = storeCounts.get(collection);
        if (counted == null || System.nanoTime() - counted.at() > BACKLOG_COUNT_MAX_AGE.toNanos()) {
            try {
                counted = new Counted(mongo.getCollection(collection).countDocuments(Filters.exists("pendingEvents.0")),
                        System.nanoTime());
            }
            catch (RuntimeException e) {
                return Double.NaN;
            }
            storeCounts.put(collection, counted);
        }
        return counted.documents();
    }

    /**
     * An aggregate was written, with events or without: the collections are in use, and a full scan now would hold
     * up the writers (a consumer copying proposals raises no events, yet waits behind a search all the same).
     */
    void written() {
        fullScans.active();
    }

    /** Asks for a run now rather than at the next poll: called after an aggregate with pending events is saved. */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * The document just saved with pending events: the next run publishes it by id instead of scanning its
     * collection (a scan costs as much as the collection is large; the periodic scan remains the safety net).
     */
    public void wakeUp(String collection, Object id) {
        if (collections.contains(collection)) {
            if (hintedPerCollection.values().stream().mapToInt(AtomicInteger::get).sum() < MAX_HINTS) {
                hintedPerCollection.get(collection).incrementAndGet();
                hints.add(new Hint(collection, id));
            }
            else {
                // too many to remember: the next run searches the collections instead
                forgetBacklog();
            }
        }
        wakeUps.release();
    }

    public long publishedCount() {
        return published.get();
    }

    /** Runs that ended in an error (Kafka or MongoDB unreachable); the events stay pending. */
    public long failedRunCount() {
        return failedRuns.get();
    }

    public List<String> collections() {
        return collections;
    }

    /** Relays everything pending now, scanning every collection. Returns how many events were published. */
    public int relayPending() {
        int total = 0;
        long token = fullScans.searching();
        for (String collection : collections) {
            List<Batch> batches;
            while (!(batches = findPending(collection)).isEmpty()) {
                total += relay(collection, batches);
            }
        }
        fullScans.searched(token);
        return total;
    }

    /**
     * Relays the documents saved since the last run, read by id: the store, not the save, says what is still
     * pending, so an event published since is not published again.
     */
    int relayHinted() {
        Map<String, Set<Object>> ids = new HashMap<>();
        for (Hint hint = hints.poll(); hint != null; hint = hints.poll()) {
            hintedPerCollection.get(hint.collection()).decrementAndGet();
            ids.computeIfAbsent(hint.collection(), c -> new LinkedHashSet<>()).add(hint.id());
        }
        int total = 0;
        for (Map.Entry<String, Set<Object>> collection : ids.entrySet()) {
            for (List<Object> chunk : chunks(new ArrayList<>(collection.getValue()))) {
                total += relay(collection.getKey(), findPending(collection.getKey(),
                        Filters.and(Filters.in("_id", chunk), Filters.exists("pendingEvents.0"))));
            }
        }
        return total;
    }

    private <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += properties.batchSize()) {
            chunks.add(all.subList(from, Math.min(all.size(), from + properties.batchSize())));
        }
        return chunks;
    }

    private int relay(String collection, List<Batch> batches) {
        if (batches.isEmpty()) {
            return 0;
        }
        publish(batches);
        remove(collection, batches);
        int total = 0;
        for (Batch batch : batches) {
            // the domain's figures: proposals submitted, decisions, talks scheduled, e-mails sent...
            batch.events().forEach(e -> meters.counter("cfp.events.published", "type", e.type()).increment());
            total += batch.events().size();
        }
        published.addAndGet(total);
        return total;
    }

    List<Batch> findPending(String collection) {
        return findPending(collection, Filters.exists("pendingEvents.0"));
    }

    private List<Batch> findPending(String collection, Bson filter) {
        List<Batch> batches = new ArrayList<>();
        for (Document doc : mongo.getCollection(collection)
                .find(filter)
                .projection(Projections.include("pendingEvents"))
                .limit(properties.batchSize())) {
            List<PendingEvent> events = doc.getList("pendingEvents", Document.class).stream()
                    .map(OutboxRelay::toPendingEvent)
                    .toList();
            batches.add(new Batch(doc.get("_id"), events));
        }
        return batches;
    }

    /** Sends every event and waits for all acknowledgements; throws if any send failed. */
    void publish(List<Batch> batches) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Batch batch : batches) {
            for (PendingEvent event : batch.events()) {
                sends.add(kafka.send(CloudEventRecords.of(event, source)));
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
        catch (Exception e) {
            throw new IllegalStateException("publishing pending events failed", e);
        }
    }

    void remove(String collection, List<Batch> batches) {
        List<UpdateOneModel<Document>> pulls = new ArrayList<>();
        for (Batch batch : batches) {
            List<String> ids = batch.events().stream().map(PendingEvent::eventId).toList();
            // $pull, not a save: events raised since the read must stay. The version bump makes a concurrent save
            // of a copy read before this removal fail and retry, instead of putting the published events back.
            pulls.add(new UpdateOneModel<>(Filters.eq("_id", batch.id()),
                    new Document("$pull",
                            new Document("pendingEvents", new Document("eventId", new Document("$in", ids))))
                            .append("$inc", new Document("version", 1L))));
        }
        // one command for the whole batch: one at a time, each removal queued behind every writer of the collection
        // (the relay published 25 events/s while intake saved 237 proposals/s)
        if (!pulls.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(pulls, new BulkWriteOptions().ordered(false));
        }
    }

    private static PendingEvent toPendingEvent(Document doc) {
        Date time = doc.getDate("time");
        return new PendingEvent(doc.getString("eventId"), doc.getString("type"), doc.getString("topic"),
                doc.getString("key"), time.toInstant(), doc.getString("payload"), doc.getString("traceparent"));
    }

    private void loop() {
        Duration backOff = properties.pollInterval();
        while (running) {
            try {
                wakeUps.tryAcquire(backOff.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (!running) {
                    return;
                }
                relayHinted();
                if (fullScans.due()) {
                    relayPending();
                }
                backOff = properties.pollInterval();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException e) {
                failedRuns.incrementAndGet();
                // hints taken by the failed run are gone: the next run scans everything
                forgetBacklog();
                backOff = min(backOff.multipliedBy(2), properties.maxBackOff());
                log.warn("Outbox relay failed, retrying in {} ms: {}", backOff.toMillis(), e.toString());
            }
        }
    }

    private void forgetBacklog() {
        storeCounts.clear();
        fullScans.forget();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        if (!properties.enabled() || collections.isEmpty()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            wakeUps.release();
            try {
                thread.join(properties.sendTimeout().toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the consumers and web server are up; stop before the producer closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    record Batch(Object id, List<PendingEvent> events) {
    }

    private record Hint(String collection, Object id) {
    }

    private record Counted(long documents, long at) {
    }
}
