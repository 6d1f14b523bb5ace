package org.cfpflow.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;

/**
 * Reads and writes the aggregates a batch of events is about in one command each, where saving them one by one
 * costs a round trip (and a commit of the store) per event: a backlog of a thousand events becomes four commands,
 * not two thousand. The writes keep what a repository's {@code save} guarantees: versioned, so a concurrent change
 * fails the batch with {@link OptimisticLockingFailureException} (the consumer applies it again on a fresh read),
 * and the outbox relay woken for the aggregates that raised events.
 */
public class Aggregates {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    Aggregates(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Applies each event, in order, to the aggregate its subject names, all read in one query, and saves those that
     * changed in one command ({@link #saveAll}). An event handled before changes nothing.
     *
     * @param absent the aggregate for a subject not stored yet, or null to pass the event over
     * @param apply   applies an event; false if it changed nothing
     */
    public <T extends Aggregate> void applyAll(Class<T> type, List<ReceivedEvent> events,
                                               Function<ReceivedEvent, T> absent, BiPredicate<T, ReceivedEvent> apply) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, T> aggregates = findAll(type, events.stream().map(ReceivedEvent::subject).toList());
        Map<String, T> changed = new LinkedHashMap<>();
        for (ReceivedEvent event : events) {
            T aggregate = aggregates.get(event.subject());
            if (aggregate == null) {
                aggregate = absent.apply(event);
                if (aggregate == null) {
                    continue;
                }
                aggregates.put(event.subject(), aggregate);
            }
            if (aggregate.markHandled(event.id()) && apply.test(aggregate, event)) {
                changed.put(event.subject(), aggregate);
            }
        }
        saveAll(type, changed.values());
    }

    /**
     * Appends one element per event to a list of the aggregate the event is about, without reading the aggregates:
     * for events that only add to its history (an e-mail sent), where {@link #applyAll} would read, map and write
     * back each whole document for one more entry. One unordered command; each update is guarded by the event's id,
     * so an event handled before changes nothing, and increments the version, so a save of a copy read before fails
     * as a concurrent change, as with {@link #saveAll}.
     *
     * @param element the element to append for an event, as the aggregate's own property holds it
     * @return the events about aggregates that are not stored (nothing was written for them)
     */
    public <T extends Aggregate> List<ReceivedEvent> appendAll(Class<T> type, List<ReceivedEvent> events, String list,
                                                               Function<ReceivedEvent, ?> element) {
        if (events.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        for (ReceivedEvent event : events) {
            Query notHandled = new Query(Criteria.where("_id").is(event.subject())
                    .and(Aggregate.HANDLED_FIELD).ne(event.id()));
            bulk.updateOne(notHandled, new Update().push(list, element.apply(event))
                    .push(Aggregate.HANDLED_FIELD, event.id()).inc(Aggregate.VERSION_FIELD, 1));
        }
        if (bulk.execute().getMatchedCount() == events.size()) {
            return List.of();
        }
        // fewer matched: events handled before, or aggregates not stored; only the latter are worth telling
        Query subjects = new Query(Criteria.where("_id").in(events.stream().map(ReceivedEvent::subject).toList()));
        Set<String> stored = mongo.findDistinct(subjects, "_id", type, Object.class).stream().map(String::valueOf)
                .collect(Collectors.toSet());
        return events.stream().filter(event -> !stored.contains(event.subject())).toList();
    }

    /** The stored aggregates with these ids, by id; ids not stored are absent. One query. */
    public <T extends Aggregate> Map<String, T> findAll(Class<T> type, Collection<String> ids) {
        Map<String, T> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (T aggregate : mongo.find(new Query(Criteria.where("_id").in(new LinkedHashSet<>(ids))), type)) {
            found.put(String.valueOf(idOf(type, aggregate)), aggregate);
        }
        return found;
    }

    /**
     * Writes new aggregates and changes of read ones in one unordered command, each checked against the version
     * it was read at. If any was changed or created by someone else meanwhile, the others are still written and
     * this throws {@link OptimisticLockingFailureException}: applying the batch again on a fresh read finds those
     * events handled ({@link Aggregate#markHandled}) and repeats only what was lost.
     */
    public <T extends Aggregate> void saveAll(Class<T> type, Collection<T> aggregates) {
        if (aggregates.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        int replaces = 0;
        for (T aggregate : aggregates) {
            Long read = aggregate.version();
            Document document = toDocument(aggregate, nextVersion(aggregate));
            if (read == null) {
                writes.add(new InsertOneModel<>(document));
            }
            else {
                replaces++;
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", document.get("_id")),
                        Filters.eq(Aggregate.VERSION_FIELD, read)), document));
            }
        }
        BulkWriteResult result;
        try {
            result = mongo.getCollection(mongo.getCollectionName(type)).bulkWrite(writes,
                    new BulkWriteOptions().ordered(false));
        }
        catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(NewDocuments::isDuplicateKey)) {
                wakeRelay(type, aggregates);
                throw new OptimisticLockingFailureException(e.getWriteErrors().size() + " of " + writes.size()
                        + " " + type.getSimpleName() + "s were created by another writer meanwhile", e);
            }
            throw e;
        }
        if (result.getMatchedCount() < replaces) {
            wakeRelay(type, aggregates);
            throw new OptimisticLockingFailureException((replaces - result.getMatchedCount()) + " of " + replaces
                    + " " + type.getSimpleName() + "s were changed by another writer since they were read");
        }
        aggregates.forEach(aggregate -> aggregate.version(nextVersion(aggregate)));
        wakeRelay(type, aggregates);
    }

    /**
     * Inserts aggregates that claim their id: those whose id is taken already (a redelivered event's) are left
     * out, not an error. One unordered command. Returns the ids inserted, in order.
     */
    public <T extends Aggregate> List<String> insertNew(Class<T> type, List<T> aggregates) {
        if (aggregates.isEmpty()) {
            return List.of();
        }
        List<Document> documents = aggregates.stream().map(a -> toDocument(a, 0L)).toList();
        Set<Integer> taken = NewDocuments.insert(mongo.getCollection(mongo.getCollectionName(type)), documents);
        List<String> inserted = new ArrayList<>();
        List<T> written = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!taken.contains(i)) {
                inserted.add(String.valueOf(documents.get(i).get("_id")));
                aggregates.get(i).version(0L);
                written.add(aggregates.get(i));
            }
        }
        wakeRelay(type, written);
        return inserted;
    }

    /** Writes a new aggregate whole. Another writer's insert of the same id first fails it as a concurrent change. */
    public <T extends Aggregate> void insert(T aggregate) {
        try {
            mongo.insert(aggregate);
        }
        catch (DuplicateKeyException e) {
            throw createdMeanwhile(aggregate.getClass(), e);
        }
        aggregate.written();
    }

    /**
     * Writes the change of a stored aggregate as one update of the fields it touched: for an aggregate whose
     * document is large and whose changes are small, where a replacement maps, sends and stores all of it. The
     * events raised and the event ids handled since the aggregate was read (or last written) are appended to the
     * stored lists, so what the relay removed meanwhile stays removed; the version is incremented, so a whole save
     * of a copy read before fails. This copy keeps the version it was read at: it can be written again by update
     * only.
     *
     * @param guard  what the stored document must still match besides its id: the caller's concurrency check (the
     *               version cannot be it, as the relay's removals increment it)
     * @param change update operators on the aggregate's own fields, their values as the converter maps them
     * @throws OptimisticLockingFailureException if the stored document no longer matches the guard
     */
    public <T extends Aggregate> void update(Class<T> type, T aggregate, Bson guard, Document change) {
        Document operators = new Document(change);
        Document push = new Document(operators.get("$push", new Document()));
        List<PendingEvent> raised = aggregate.raisedSinceWritten();
        if (!raised.isEmpty()) {
            push.put("pendingEvents", new Document("$each", mongo.getConverter().convertToMongoType(raised)));
        }
        if (!aggregate.handledSinceWritten().isEmpty()) {
            Document handled = new Document("$each", List.copyOf(aggregate.handledSinceWritten()));
            if (aggregate.handledEventsKept() != Integer.MAX_VALUE) {
                handled.append("$slice", -aggregate.handledEventsKept());
            }
            push.put(Aggregate.HANDLED_FIELD, handled);
        }
        if (!push.isEmpty()) {
            operators.put("$push", push);
        }
        operators.put("$inc", new Document(operators.get("$inc", new Document())).append(Aggregate.VERSION_FIELD, 1L));
        Object id = idOf(type, aggregate);
        String collection = mongo.getCollectionName(type);
        UpdateResult result = mongo.getCollection(collection)
                .updateOne(Filters.and(Filters.eq("_id", id), guard), operators);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(type.getSimpleName() + " " + id
                    + " was changed by another writer since it was read");
        }
        boolean wake = !raised.isEmpty();
        aggregate.writtenByUpdate();
        if (wake) {
            relay.wakeUp(collection, id);
        }
    }

    /** What a write of a new aggregate throws when another writer took its id first. */
    static OptimisticLockingFailureException createdMeanwhile(Class<?> type, Throwable cause) {
        return new OptimisticLockingFailureException(type.getSimpleName() + " was created by another writer meanwhile",
                cause);
    }

    /**
     * A driver's exception from the methods that use the collection directly, as {@link MongoTemplate}'s own methods
     * would throw it.
     */
    RuntimeException translated(RuntimeException e) {
        DataAccessException translated = mongo.getExceptionTranslator().translateExceptionIfPossible(e);
        return translated != null ? translated : e;
    }

    /** The aggregate as a repository's save would write it, at the given version. */
    private Document toDocument(Aggregate aggregate, long version) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.put(Aggregate.VERSION_FIELD, version);
        return document;
    }

    private static long nextVersion(Aggregate aggregate) {
        return aggregate.version() == null ? 0 : aggregate.version() + 1;
    }

    private <T extends Aggregate> void wakeRelay(Class<T> type, Collection<T> aggregates) {
        String collection = mongo.getCollectionName(type);
        relay.written();
        for (T aggregate : aggregates) {
            if (!aggregate.pendingEvents().isEmpty()) {
                relay.wakeUp(collection, idOf(type, aggregate));
            }
        }
    }

    private <T extends Aggregate> Object idOf(Class<T> type, T aggregate) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .getIdentifierAccessor(aggregate).getIdentifier();
    }
}
