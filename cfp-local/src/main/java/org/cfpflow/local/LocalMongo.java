package org.cfpflow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * A MongoDB-protocol server for the local run (mongo-java-server) that keeps its data in memory and every change in
 * a journal file, so a second local run finds it again. Every write is in the journal before it is acknowledged: a
 * killed store loses nothing the services were told had succeeded, as a real {@code mongod}'s journal. A query that
 * names an {@code _id} besides other conditions is answered from the {@code _id} index, as {@code mongod} does.
 */
public final class LocalMongo {

    private static final Logger log = LoggerFactory.getLogger(LocalMongo.class);

    private LocalMongo() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : ".cfp/data/mongo.journal").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        Files.createDirectories(file.getParent());
        JournaledBackend backend = new JournaledBackend(file);
        EarlierStore.importInto(backend, file.resolveSibling("mongo.mv.db"));
        // ./cfp shows this line when it starts the store
        StoreHeap.warningAfterStart(backend.documents()).ifPresent(warning -> System.out.println("WARNING: " + warning));
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }, "mongo-stop"));
        System.out.println("mongo-java-server (journal " + file + ") listening on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }

    /**
     * mongo-java-server's H2 backend on an H2 store in memory, every change of a document and every change of the
     * collections' definitions recorded in a {@link Journal}, which is read again at start. Until 2026-11-26 the
     * store was an H2 file committed at every write: a commit wrote a chunk of pages (a leaf of some ten documents
     * for one changed document) with H2's metadata for every chunk it touched, and the file needed compacting; that
     * was 60 % of the store's CPU per proposal and the longest waits of the intake (BENCHMARKS.md). The journal
     * writes each changed document once, in one write for all the commands that wait for it (group commit).
     */
    static final class JournaledBackend extends H2Backend {

        /** The commands whose documents mongo-java-server changes in place: see {@link IdIndexedCollection}. */
        private static final Set<String> CHANGES_IN_PLACE = Set.of("update", "findandmodify");
        private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");
        /** Commands that change what collections and indexes exist: journaled as they are, replayed as they were. */
        private static final Set<String> DEFINITIONS = Set.of("createindexes", "dropindexes", "drop", "dropdatabase",
                "create", "renamecollection");
        /** H2Database names an index's map {@code <database>.<collection>._index_<name>}. */
        private static final String INDEX_INFIX = "._index_";
        /** At start, a journal of more records than this, most of them replaced since, is written anew. */
        private static final long REWRITE_ABOVE_RECORDS = 10_000;

        /** Commands that take at least this long are logged ({@code -Dcfp.mongo.slow-command-ms}). */
        private static final long SLOW_COMMAND_MILLIS = Long.getLong("cfp.mongo.slow-command-ms", 100);

        private final Journal journal;
        /** Document writes share it, a definition takes it alone: its journal record keeps its place among theirs. */
        private final ReadWriteLock definitionLock = new ReentrantReadWriteLock();
        private final Journaling journaling = new Journaling();
        /** Every journaled collection ever opened; those dropped since are left out where it matters. */
        private final Set<IdIndexedCollection> collections = ConcurrentHashMap.newKeySet();
        private volatile boolean replaying;

        JournaledBackend(Path file) throws IOException {
            super(new MVStore.Builder().autoCommitDisabled().open());
            journal = new Journal(file);
            long started = System.nanoTime();
            Channel replay = new EmbeddedChannel();
            replaying = true;
            long records;
            try {
                records = journal.replay(record -> apply(replay, record));
            }
            finally {
                replaying = false;
            }
            long documents = documents();
            log.info("journal {}: {} records read in {} ms: {} documents", file, records, millisSince(started),
                    documents);
            if (records > REWRITE_ABOVE_RECORDS && records > 2 * documents) {
                started = System.nanoTime();
                journal.rewrite(Stream.concat(definitionsNow(replay), liveCollections()
                        .flatMap(IdIndexedCollection::insertRecords)).iterator());
                log.info("journal {}: written anew with {} records in {} ms", file, journal.records(),
                        millisSince(started));
            }
            handleClose(replay);
        }

        /**
         * Records that create every collection there is now, with its options and indexes: a journal written anew
         * starts with them (not with the definitions it held, whose drops and renames found collections that the
         * documents after them created).
         */
        private Stream<Document> definitionsNow(Channel channel) {
            List<Document> records = new ArrayList<>();
            for (String database : listDatabaseNames()) {
                for (Document listed : firstBatch(execute(channel, database, "listCollections",
                        new Document("listCollections", 1)))) {
                    String name = (String) listed.get("name");
                    if (name.startsWith("system.")) {
                        continue;
                    }
                    Document create = new Document("create", name);
                    if (listed.get("options") instanceof Document options) {
                        create.putAll(options);
                    }
                    records.add(definition(database, create));
                    List<Document> indexes = new ArrayList<>();
                    for (Document index : firstBatch(execute(channel, database, "listIndexes",
                            new Document("listIndexes", name)))) {
                        if (!"_id_".equals(index.get("name"))) {
                            indexes.add(EarlierStore.indexDefinition(index));
                        }
                    }
                    if (!indexes.isEmpty()) {
                        records.add(definition(database, new Document("createIndexes", name).append("indexes", indexes)));
                    }
                }
            }
            return records.stream();
        }

        @SuppressWarnings("unchecked")
        private static List<Document> firstBatch(Document response) {
            return (List<Document>) ((Document) response.get("cursor")).get("firstBatch");
        }

        private static Document definition(String database, Document command) {
            return new Document("op", "definition").append("db", database).append("command", command);
        }

        long documents() {
            return liveCollections().mapToLong(IdIndexedCollection::count).sum();
        }

        private Stream<IdIndexedCollection> liveCollections() {
            return collections.stream().filter(collection -> collection.getDatabase()
                    .resolveCollection(collection.getCollectionName(), false) == collection);
        }

        /** Applies a journal record through the command it stands for, as a client's command would be. */
        private void apply(Channel channel, Document record) {
            String database = (String) record.get("db");
            Object collection = record.get("coll");
            Document command = switch ((String) record.get("op")) {
                case "insert" -> new Document("insert", collection).append("documents", List.of(record.get("doc")));
                case "replace" -> {
                    Document document = (Document) record.get("doc");
                    yield new Document("update", collection).append("updates", List.of(
                            new Document("q", new Document("_id", document.get("_id"))).append("u", document)
                                    .append("upsert", true)));
                }
                case "delete" -> new Document("delete", collection).append("deletes", List.of(
                        new Document("q", new Document("_id", record.get("id"))).append("limit", 1)));
                case "definition" -> (Document) record.get("command");
                default -> throw new IllegalStateException("journal record of an unknown kind: " + record);
            };
            Document response = execute(channel, database, command.keySet().iterator().next(), command);
            if (!Utils.isTrue(response.get("ok")) || response.containsKey("writeErrors")) {
                throw new IllegalStateException("journal record " + record + " could not be applied: " + response);
            }
        }

        @Override
        public void close() {
            try {
                journal.close();
            }
            catch (IOException e) {
                log.error("journal could not be closed", e);
            }
            super.close();
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return new IdIndexedDatabase(name, getMvStore(), getCursorRegistry());
        }

        /**
         * As H2's database, with {@link IdIndexedCollection}s that journal their changes. Inner: H2's constructor opens
         * the existing collections before a field of this class could be set.
         */
        final class IdIndexedDatabase extends H2Database {

            IdIndexedDatabase(String name, MVStore store, CursorRegistry cursors) {
                super(name, store, cursors);
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(name);
                // system.namespaces and system.indexes follow from the definitions replayed: not journaled
                boolean journaled = !name.startsWith("system.");
                IdIndexedCollection collection = new IdIndexedCollection(this, name, options,
                        getMvStore().openMap("databases." + namespace, CompactDataType.<Object, Document>map()),
                        getMvStore().openMap("meta." + namespace), cursorRegistry, journaled ? journaling : null);
                if (journaled) {
                    collections.add(collection);
                }
                return collection;
            }

            /** H2's index, on a map opened first with {@link CompactDataType}: H2's own open then finds it open. */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                            boolean sparse) {
                getMvStore().openMap(getFullCollectionNamespace(collection) + INDEX_INFIX + index, CompactDataType.map());
                return super.openOrCreateUniqueIndex(collection, index, keys, sparse);
            }
        }

        /** The collections' way into the journal, under the names they have at that moment (a rename changes them). */
        final class Journaling {

            void inserted(MongoCollection<?> collection, Document document) {
                record(collection, "insert", "doc", document);
            }

            void replaced(MongoCollection<?> collection, Document document) {
                record(collection, "replace", "doc", document);
            }

            void deleted(MongoCollection<?> collection, Object id) {
                record(collection, "delete", "id", id);
            }

            Document insertRecord(MongoCollection<?> collection, Document document) {
                return new Document("op", "insert").append("db", collection.getDatabaseName())
                        .append("coll", collection.getCollectionName()).append("doc", document);
            }

            private void record(MongoCollection<?> collection, String op, String field, Object value) {
                if (!replaying) {
                    journal.append(new Document("op", op).append("db", collection.getDatabaseName())
                            .append("coll", collection.getCollectionName()).append(field, value));
                }
            }
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            String name = command.toLowerCase(Locale.ROOT);
            boolean definition = DEFINITIONS.contains(name);
            boolean write = definition || DOCUMENT_WRITES.contains(name);
            long started = System.nanoTime();
            Lock lock = definition ? definitionLock.writeLock() : definitionLock.readLock();
            if (write) {
                lock.lock();
            }
            try {
                Document response = execute(channel, database, command, CHANGES_IN_PLACE.contains(name), query);
                if (definition && Utils.isTrue(response.get("ok"))) {
                    journal.append(definition(database, withoutSessionFields(query)));
                }
                return response;
            }
            finally {
                if (write) {
                    lock.unlock();
                    // also after a failed write: a multi-document write may have applied part of itself
                    journal.writeUpTo(journal.appended());
                }
                logIfSlow(database, command, query, started);
            }
        }

        private Document execute(Channel channel, String database, String command, Document query) {
            return execute(channel, database, command, CHANGES_IN_PLACE.contains(command.toLowerCase(Locale.ROOT)),
                    query);
        }

        private Document execute(Channel channel, String database, String command, boolean changesInPlace,
                                 Document query) {
            if (changesInPlace) {
                UPDATING.set(Boolean.TRUE);
            }
            try {
                return super.handleCommand(channel, database, command, query);
            }
            finally {
                if (changesInPlace) {
                    UPDATING.remove();
                }
            }
        }

        /** The command as a client sent it, without the fields of its session ({@code lsid}, {@code $db}, …). */
        private static Document withoutSessionFields(Document command) {
            Document plain = new Document();
            command.forEach((key, value) -> {
                if (!key.startsWith("$") && !key.equals("lsid") && !key.equals("txnNumber")) {
                    plain.put(key, value);
                }
            });
            return plain;
        }

        /**
         * A stall in a benchmark (a latency spike every service sees at once) is often one command searching a whole
         * collection: the log says which, when, and for how long, including its journal write.
         */
        private static void logIfSlow(String database, String command, Document query, long started) {
            long millis = millisSince(started);
            if (millis >= SLOW_COMMAND_MILLIS) {
                log.info("slow command: {} {}.{} took {} ms", command, database, query.get(command), millis);
            }
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Set while a command that changes documents in place runs, on its thread. */
    static final ThreadLocal<Boolean> UPDATING = new ThreadLocal<>();

    /**
     * mongo-java-server uses an index only when the query holds nothing but its keys: {@code {_id, version}} (every
     * versioned save), {@code {$and: [{_id: {$in}}, {pendingEvents.0: {$exists}}]}} (the outbox relay) scanned the whole
     * collection, so every write cost as much as the collection was large. Here the {@code _id} condition picks the
     * candidates from the index and the whole query is matched against them: the same answer, without the scan.
     */
    static final class IdIndexedCollection extends H2Collection {

        /** Queries answered by reading every document of a collection, over all collections (for tests). */
        static final AtomicLong SCANS = new AtomicLong();

        private final MVMap<Object, Document> data;
        /** Null for the collections that are not journaled. */
        private final JournaledBackend.Journaling journaling;

        IdIndexedCollection(MongoDatabase database, String name, CollectionOptions options,
                            MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors,
                            JournaledBackend.Journaling journaling) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
            this.journaling = journaling;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object position = super.addDocumentInternal(document);
            if (journaling != null) {
                journaling.inserted(this, document);
            }
            return position;
        }

        @Override
        protected void removeDocument(Object position) {
            Document removed = data.get(position);
            super.removeDocument(position);
            if (journaling != null && removed != null) {
                journaling.deleted(this, removed.get("_id"));
            }
        }

        /** Every update ends here: the document stored in place of the old one, and journaled whole. */
        private void stored(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
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
         * applied to a shallow copy ({@link #topLevelUpdate}); other operators run mongo-java-server's own code on a
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
            Document stored = position == null ? null : data.get(position);
            if (stored != null && documentMatchesQuery(stored, selector)) {
                if (isReplacement(update) && (!update.containsKey("_id")
                        || ValueComparator.asc().compare(update.get("_id"), stored.get("_id")) == 0)) {
                    return replace(position, stored, selector, replacement(stored, update), update, oplog);
                }
                Document updated = topLevelUpdate(stored, update);
                if (updated != null) {
                    return replace(position, stored, selector, updated, update, oplog);
                }
                Set<String> named = fieldsNamedBy(update);
                if (named != null) {
                    // and the fields the indexes read, so that their checks see the whole key
                    named.add("_id");
                    getIndexes().forEach(index -> index.getKeys().forEach(key -> named.add(topLevel(key.getKey()))));
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

        private static Document replacement(Document stored, Document update) {
            Document replacement = new Document("_id", stored.get("_id"));
            update.forEach((key, value) -> {
                if (!key.equals("_id")) {
                    replacement.put(key, value);
                }
            });
            return replacement;
        }

        /**
         * The result of an update made of {@code $set}, {@code $inc} and {@code $push} (with {@code $each} and
         * {@code $slice}) on top-level fields only, as aggregates written by update and the outbox's appends are:
         * a shallow copy of the stored document with those fields replaced, their values taken as sent. The generic
         * way copies the whole document deeply and compares it twice, which for a large one (the timetable, half a
         * megabyte) cost more than the write. Null for anything else, which the generic way applies (and refuses
         * where mongo would).
         */
        private static Document topLevelUpdate(Document stored, Document update) {
            Document result = stored.clone();
            Set<String> changed = new HashSet<>();
            for (Map.Entry<String, Object> operator : update.entrySet()) {
                if (!(operator.getValue() instanceof Document fields) || fields.isEmpty()) {
                    return null;
                }
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    String key = field.getKey();
                    if (key.isEmpty() || key.contains(".") || key.startsWith("$") || key.equals("_id")
                            || !changed.add(key)) {
                        return null;
                    }
                    Object value = switch (operator.getKey()) {
                        case "$set" -> field.getValue();
                        case "$inc" -> incremented(result.get(key), field.getValue());
                        case "$push" -> pushed(result.get(key), field.getValue());
                        default -> null;
                    };
                    if (value == null) {
                        return null;
                    }
                    result.put(key, value);
                }
            }
            return result;
        }

        private static Number incremented(Object current, Object by) {
            if (!(by instanceof Number increment) || current != null && !(current instanceof Number)) {
                return null;
            }
            return current == null ? increment : NumericUtils.addNumbers((Number) current, increment);
        }

        private static List<Object> pushed(Object current, Object push) {
            if (current != null && !(current instanceof List<?>)) {
                return null;
            }
            List<?> values = Collections.singletonList(push);
            Integer slice = null;
            if (push instanceof Document modifiers && modifiers.containsKey("$each")) {
                if (!(modifiers.get("$each") instanceof List<?> each)) {
                    return null;
                }
                values = each;
                for (Map.Entry<String, Object> modifier : modifiers.entrySet()) {
                    if (modifier.getKey().equals("$slice") && (modifier.getValue() instanceof Integer
                            || modifier.getValue() instanceof Long)) {
                        slice = ((Number) modifier.getValue()).intValue();
                    }
                    else if (!modifier.getKey().equals("$each")) {
                        return null;
                    }
                }
            }
            List<Object> result = new ArrayList<>(current == null ? values : (List<?>) current);
            if (current != null) {
                result.addAll(values);
            }
            if (slice != null) {
                result = slice < 0 ? result.subList(Math.max(0, result.size() + slice), result.size())
                        : result.subList(0, Math.min(slice, result.size()));
                result = new ArrayList<>(result);
            }
            return result;
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
         * made of top-level operators: each found and matching is updated as {@link #topLevelUpdate} updates one.
         * The generic way copies each deeply and compares it twice. Null, with nothing changed, where one of them
         * needs the generic way.
         */
        private Document updateEach(Collection<?> ids, Document selector, Document update, Oplog oplog) {
            List<Replacement> replacements = new ArrayList<>();
            for (Object id : new LinkedHashSet<>(ids)) {
                Object position = positionOf(id);
                Document stored = position == null ? null : data.get(position);
                if (stored != null && documentMatchesQuery(stored, selector)) {
                    Document updated = topLevelUpdate(stored, update);
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
            if (sameDocument(stored, replacement)) {
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

        /** Operators whose keys are the only fields they change. */
        private static final Set<String> PLAIN_OPERATORS = Set.of("$set", "$unset", "$inc", "$mul", "$min", "$max",
                "$push", "$pull", "$pullAll", "$addToSet", "$pop", "$currentDate", "$setOnInsert");

        /** The top-level fields an operator update changes; null if it may change others or uses positional paths. */
        private static Set<String> fieldsNamedBy(Document update) {
            Set<String> fields = new HashSet<>();
            for (Map.Entry<String, Object> operator : update.entrySet()) {
                if (!PLAIN_OPERATORS.contains(operator.getKey()) || !(operator.getValue() instanceof Document paths)) {
                    return null;
                }
                for (String path : paths.keySet()) {
                    if (path.contains("$")) {
                        return null;
                    }
                    fields.add(topLevel(path));
                }
            }
            return fields.isEmpty() ? null : fields;
        }

        private static String topLevel(String path) {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(0, dot);
        }

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

        private static boolean isReplacement(Document update) {
            return !update.isEmpty() && update.keySet().stream().noneMatch(key -> key.startsWith("$"));
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

        /** Deep equality, but a differing plain value at the top (a save's version) answers without the deep part. */
        private static boolean sameDocument(Document stored, Document replacement) {
            if (!stored.keySet().equals(replacement.keySet())) {
                return false;
            }
            for (Map.Entry<String, Object> field : replacement.entrySet()) {
                Object value = field.getValue();
                if (!(value instanceof Document || value instanceof List<?>)
                        && !Objects.equals(value, stored.get(field.getKey()))) {
                    return false;
                }
            }
            return stored.equals(replacement);
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
            Document stored = super.getDocument(position);
            return stored == null || UPDATING.get() == null ? stored : stored.clone();
        }
    }
}
