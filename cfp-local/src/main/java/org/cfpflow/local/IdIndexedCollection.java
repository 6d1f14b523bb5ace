package org.cfpflow.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * mongo-java-server uses an index only when the query holds nothing but its keys: {@code {_id, version}} (every
 * versioned save), {@code {$and: [{_id: {$in}}, {pendingEvents.0: {$exists}}]}} (the outbox relay) scanned the whole
 * collection, so every write cost as much as the collection was large. Here the {@code _id} condition picks the
 * candidates from the index and the whole query is matched against them: the same answer, without the scan.
 */
final class IdIndexedCollection extends H2Collection {

    /** Set while a command that changes documents in place runs, on its thread. */
    static final ThreadLocal<Boolean> UPDATING = new ThreadLocal<>();

    /** Queries answered by reading every document of a collection, over all collections (for tests). */
    static final AtomicLong SCANS = new AtomicLong();

    /** Documents read as an index's candidates, over all collections (for tests). */
    static final AtomicLong CANDIDATES_READ = new AtomicLong();

    private final MVMap<Object, Document> data;
    /**
     * The same documents by position, for reading: an index's candidates are looked up one by one, and in H2's map
     * each lookup is a search of a tree of generic comparisons (four tenths of a conference's count). Written
     * wherever {@link #data} is.
     */
    private final Map<Object, Document> byPosition = new ConcurrentHashMap<>();
    /** Null for the collections that are not journaled. */
    private final JournaledBackend.Journaling journaling;

    IdIndexedCollection(MongoDatabase database, String name, CollectionOptions options,
                        MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors,
                        JournaledBackend.Journaling journaling) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
        this.journaling = journaling;
        data.forEach(byPosition::put);
    }

    /** The document stored at the position, as stored (not a copy); null if none. */
    private Document storedAt(Object position) {
        return byPosition.get(Missing.ofNullable(position));
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        byPosition.put(Missing.ofNullable(position), document);
        if (journaling != null) {
            journaling.inserted(this, document);
        }
        return position;
    }

    @Override
    protected void removeDocument(Object position) {
        Document removed = storedAt(position);
        super.removeDocument(position);
        byPosition.remove(Missing.ofNullable(position));
        if (journaling != null && removed != null) {
            journaling.deleted(this, removed.get("_id"));
        }
    }

    /** Every update ends here: the document stored in place of the old one, and journaled whole. */
    private void stored(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        byPosition.put(Missing.ofNullable(position), newDocument);
        if (journaling != null) {
            journaling.replaced(this, newDocument);
        }
    }

    /** The records that insert every document as it is now (the journal written anew). */
    Stream<Document> insertRecords() {
        return data.values().stream().map(document -> journaling.insertRecord(this, document));
    }

    /**
     * The collection's size is not kept up to date on every write: that cost two BSON encodings of every updated
     * document (the schedule-service's timetable is half a megabyte, rewritten at every decision) and a write
     * of the collection's meta map in every commit. {@code collStats} computes it when asked instead.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        if (data == null) {
            // H2's constructor logs the size before this one's has run: the last kept, as H2 would say
            return super.getDataSize();
        }
        long size = 0;
        ByteBuf buffer = Unpooled.buffer();
        for (Document document : data.values()) {
            buffer.clear();
            BsonEncoder.encodeDocument(document, buffer);
            size += buffer.readableBytes();
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /**
     * Updates of one document found by its {@code _id} (every versioned save, every removal of published events)
     * without mongo-java-server's cost per byte of the document: its generic update deep-copies the stored
     * document, then the replacement or the operators' result, and compares the two deeply, twice. With the
     * half-megabyte timetable that was most of the store's CPU per decision. A replacement, decoded from this
     * command alone, is stored as it is; {@code $set}, {@code $inc} and {@code $push} on top-level fields are
     * applied to a shallow copy ({@link TopLevelUpdate}); other operators run mongo-java-server's own code on a
     * document holding only the fields they name (and those its indexes read), merged back into a copy of the
     * stored one. Several documents named by {@code _id: {$in}} take the top-level way one by one. Anything else
     * (not found, upserts, other multi-document updates, positional paths) takes the generic way.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean multi, boolean upsert, Oplog oplog) {
        // {_id}, {_id, …} or {$and: [{_id}, …]}, as the driver's Filters.and writes every combined filter
        Object id = selector.size() == 1 && selector.containsKey("_id") ? selector.get("_id") : idCondition(selector);
        if (multi && !upsert && id instanceof Document in && in.size() == 1
                && in.get("$in") instanceof Collection<?> ids
                && ids.stream().allMatch(one -> one instanceof String || one instanceof ObjectId)) {
            Document result = updateEach(ids, selector, update, oplog);
            if (result != null) {
                return result;
            }
        }
        Object position = multi || id == null || id instanceof Document || id instanceof Collection<?>
                ? null : positionOf(id);
        Document stored = position == null ? null : storedAt(position);
        if (stored != null && documentMatchesQuery(stored, selector)) {
            if (TopLevelUpdate.isReplacement(update) && (!update.containsKey("_id")
                    || ValueComparator.asc().compare(update.get("_id"), stored.get("_id")) == 0)) {
                return replace(position, stored, selector, TopLevelUpdate.replacement(stored, update), update, oplog);
            }
            Document updated = TopLevelUpdate.apply(stored, update);
            if (updated != null) {
                return replace(position, stored, selector, updated, update, oplog);
            }
            Set<String> named = TopLevelUpdate.fieldsNamedBy(update);
            if (named != null) {
                // and the fields the indexes read, so that their checks see the whole key
                named.add("_id");
                getIndexes().forEach(index -> index.getKeys()
                        .forEach(key -> named.add(TopLevelUpdate.topLevel(key.getKey()))));
                Document part = new Document();
                stored.forEach((field, value) -> {
                    if (named.contains(field)) {
                        part.put(field, value);
                    }
                });
                PART.set(new Part(stored, part, named));
                try {
                    return super.updateDocuments(selector, update, arrayFilters, false, upsert, oplog);
                }
                finally {
                    PART.remove();
                }
            }
        }
        return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
    }

    private Document replace(Object position, Document stored, Document selector, Document replacement,
                             Document update, Oplog oplog) {
        boolean modified = replaced(position, stored, replacement);
        oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(stored.get("_id")) : List.of());
        Document result = new Document("n", 1);
        result.put("nModified", modified ? 1 : 0);
        return result;
    }

    /**
     * An update of several documents named by id ({@code _id: {$in: [...]}}: the e-mails a sender claims, say)
     * made of top-level operators: each found and matching is updated as {@link TopLevelUpdate} updates one.
     * The generic way copies each deeply and compares it twice. Null, with nothing changed, where one of them
     * needs the generic way.
     */
    private Document updateEach(Collection<?> ids, Document selector, Document update, Oplog oplog) {
        List<Replacement> replacements = new ArrayList<>();
        for (Object id : new LinkedHashSet<>(ids)) {
            Object position = positionOf(id);
            Document stored = position == null ? null : storedAt(position);
            if (stored != null && documentMatchesQuery(stored, selector)) {
                Document updated = TopLevelUpdate.apply(stored, update);
                if (updated == null) {
                    return null;
                }
                replacements.add(new Replacement(position, stored, updated));
            }
        }
        List<Object> modified = new ArrayList<>();
        for (Replacement replacement : replacements) {
            if (replaced(replacement.position(), replacement.stored(), replacement.updated())) {
                modified.add(replacement.stored().get("_id"));
            }
        }
        oplog.handleUpdate(getFullName(), selector, update, modified);
        Document result = new Document("n", replacements.size());
        result.put("nModified", modified.size());
        return result;
    }

    private record Replacement(Object position, Document stored, Document updated) {
    }

    /** Puts the replacement in the stored document's place, indexes first; false if it changes nothing. */
    private boolean replaced(Object position, Document stored, Document replacement) {
        Utils.validateFieldNames(replacement);
        if (TopLevelUpdate.sameDocument(stored, replacement)) {
            return false;
        }
        for (Index<Object> index : getIndexes()) {
            index.checkUpdate(stored, replacement, this);
        }
        for (Index<Object> index : getIndexes()) {
            index.updateInPlace(stored, replacement, position, this);
        }
        stored(position, stored, replacement);
        return true;
    }

    /**
     * The part of a stored document an operator update works on, while it runs (see {@link #updateDocuments}):
     * {@code taken} names the fields the part stands for (the update removes some of them from {@code fields}).
     */
    private record Part(Document stored, Document fields, Set<String> taken) {
    }

    private static final ThreadLocal<Part> PART = new ThreadLocal<>();

    /** The generic update's document is {@link Part}'s fields: it finds them here, and they are merged back. */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fields) {
        Part part = PART.get();
        if (part != null) {
            return new QueryResult(List.of(part.fields()));
        }
        return queryById(query, orderBy, skip, limit, batchSize, fields);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        Part part = PART.get();
        if (part == null) {
            stored(position, oldDocument, newDocument);
            return;
        }
        Document merged = new Document();
        part.stored().forEach((field, value) -> {
            if (!part.taken().contains(field)) {
                merged.put(field, value);
            }
            else if (newDocument.containsKey(field)) {
                merged.put(field, newDocument.get(field));
            }
        });
        newDocument.forEach(merged::putIfAbsent);
        stored(position, oldDocument, merged);
    }

    private Object positionOf(Object id) {
        Iterable<Object> positions = positionsById(id);
        Iterator<Object> first = positions == null ? null : positions.iterator();
        return first != null && first.hasNext() ? first.next() : null;
    }

    /** The positions the {@code _id} index holds for this id; null without such an index. */
    private Iterable<Object> positionsById(Object id) {
        Document byId = new Document("_id", id);
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    private QueryResult queryById(Document query, Document orderBy, int skip, int limit, int batchSize,
                                  Document fields) {
        Object id = idCondition(query);
        Iterable<Object> positions = id == null ? null : positionsById(id);
        if (positions != null) {
            return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields);
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }

    /** The {@code _id} condition of a query with more than that one ({@code {_id, …}} or {@code $and}); else null. */
    private static Object idCondition(Document query) {
        if (query.size() > 1 && query.containsKey("_id")) {
            return query.get("_id");
        }
        if (query.size() == 1 && query.get("$and") instanceof java.util.List<?> all) {
            for (Object condition : all) {
                if (condition instanceof Document d && d.size() == 1 && d.containsKey("_id")) {
                    return d.get("_id");
                }
            }
        }
        return null;
    }

    /**
     * An index's candidates: those of a {@link LeadingKeyIndex} already in the order the query asks for are read in
     * it, and no further than the limit needs, instead of all of them being read, matched and sorted; and they are
     * matched against the rest of the query only, the condition that chose them being met by each.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int skip,
                                         int limit, int batchSize, Document fields) {
        boolean sorted = false;
        Document matched = query;
        if (positions instanceof LeadingKeyIndex.OrderedPositions ordered) {
            sorted = ordered.sortedBy(orderBy);
            // a positional projection ("a.$") reads the whole query to find its element
            if (fields == null || fields.keySet().stream().noneMatch(field -> field.contains("$"))) {
                matched = ordered.restOf(query);
            }
        }
        Stream<Document> candidates = StreamSupport.stream(positions.spliterator(), false).map(this::candidate);
        return matchDocumentsFromStream(candidates, matched, sorted ? null : orderBy, skip, limit, batchSize, fields);
    }

    /**
     * A count of a declared index's candidates ({@link IndexedCount}: every page's total) reads and matches them
     * without making the projected copy of each that a query makes for its answer.
     */
    @Override
    public int count(Document query, int skip, int limit) {
        LeadingKeyIndex.OrderedPositions candidates = query == null || idCondition(query) != null ? null
                : leadingKeyCandidates(query);
        if (candidates == null) {
            return super.count(query, skip, limit);
        }
        Document rest = candidates.restOf(query);
        int matching = 0;
        for (Object position : candidates) {
            Document document = candidate(position);
            if (document != null && documentMatchesQuery(document, rest)) {
                matching++;
            }
        }
        matching = Math.max(0, matching - skip);
        return limit > 0 ? Math.min(matching, limit) : matching;
    }

    /** An index's candidate read, and counted (for tests). */
    private Document candidate(Object position) {
        CANDIDATES_READ.incrementAndGet();
        return getDocument(position);
    }

    /** The candidates mongo-java-server would read for the query, if the index it picks is a {@link LeadingKeyIndex}. */
    private LeadingKeyIndex.OrderedPositions leadingKeyCandidates(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(query)) {
                return index.getPositions(query) instanceof LeadingKeyIndex.OrderedPositions ordered ? ordered : null;
            }
        }
        return null;
    }

    /** The services' usual conditions matched by {@link SimpleConditions}, any other by mongo-java-server's matcher. */
    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Boolean simple = SimpleConditions.matches(document, query);
        return simple != null ? simple : super.documentMatchesQuery(document, query);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fields) {
        SCANS.incrementAndGet();
        if (UPDATING.get() == null) {
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
        }
        Stream<Document> documents = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : data.values().stream();
        return matchDocumentsFromStream(documents.filter(d -> documentMatchesQuery(d, query))
                .map(Document::clone), query, orderBy, skip, limit, batchSize, fields);
    }

    /**
     * mongo-java-server updates the document it found in place and puts that object back. Found in the map, it is
     * also an object a query answered a moment ago, which the server may be encoding for its client outside the
     * collection's lock (and, with the H2 file of before, one a commit was writing: the fault suite caught a
     * commit failing on a document changed under it). An update is therefore given a copy, and the stored object
     * never changes. A shallow copy is enough: the update removes and puts the found document's top-level fields
     * only, and what it puts is a deep copy of its own (of the replacement, or of the document the operators were
     * applied to).
     */
    @Override
    protected Document getDocument(Object position) {
        Document stored = storedAt(position);
        return stored == null || UPDATING.get() == null ? stored : stored.clone();
    }
}
