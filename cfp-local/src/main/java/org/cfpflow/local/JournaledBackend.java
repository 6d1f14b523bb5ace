package org.cfpflow.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * mongo-java-server's H2 backend on an H2 store in memory, every change of a document and every change of the
 * collections' definitions recorded in a {@link Journal}, which is read again at start. The journal writes each
 * changed document once, in one write for all the commands that wait for it (group commit); an H2 file committed
 * at every write would write a chunk of pages and H2's metadata for each, and need compacting.
 * <p>
 * Commands are serialized against definitions only: document writes share a lock that a definition (create, drop,
 * rename, indexes) takes alone, so its journal record keeps its place among theirs.
 */
final class JournaledBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(JournaledBackend.class);

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
                        indexes.add(indexDefinition(index));
                    }
                }
                if (!indexes.isEmpty()) {
                    records.add(definition(database, new Document("createIndexes", name).append("indexes", indexes)));
                }
            }
        }
        return records.stream();
    }

    /** An index as listIndexes shows it, as createIndexes takes it: without its namespace and version. */
    private static Document indexDefinition(Document listed) {
        Document definition = new Document();
        listed.forEach((key, value) -> {
            if (!key.equals("ns") && !key.equals("v")) {
                definition.put(key, value);
            }
        });
        return definition;
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
                    getMvStore().openMap("databases." + namespace, IndexKeyType.<Object, Document>map()),
                    getMvStore().openMap("meta." + namespace), cursorRegistry, journaled ? journaling : null);
            if (journaled) {
                collections.add(collection);
            }
            return collection;
        }

        /** H2's index, on a map opened first with {@link IndexKeyType}: H2's own open then finds it open. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                        boolean sparse) {
            getMvStore().openMap(getFullCollectionNamespace(collection) + INDEX_INFIX + index, IndexKeyType.map());
            return super.openOrCreateUniqueIndex(collection, index, keys, sparse);
        }

        /** Declared non-unique indexes are used, as {@code mongod} uses them: see {@link LeadingKeyIndex}. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collection, String index, List<IndexKey> keys,
                                                           boolean sparse) {
            return new LeadingKeyIndex(index, keys);
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
            if (name.equals("aggregate")) {
                Document counted = IndexedCount.answer(resolveDatabase(database), query);
                if (counted != null) {
                    return counted;
                }
            }
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
            IdIndexedCollection.UPDATING.set(Boolean.TRUE);
        }
        try {
            return super.handleCommand(channel, database, command, query);
        }
        finally {
            if (changesInPlace) {
                IdIndexedCollection.UPDATING.remove();
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

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
