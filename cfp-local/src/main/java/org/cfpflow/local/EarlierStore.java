package org.cfpflow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The local store kept its data in an H2 file ({@code mongo.mv.db}) until 2026-11-26. A local run started on such
 * data copies it once into the new store, through the same commands a client sends, and renames the file to
 * {@code mongo.mv.db.imported}: nothing of an earlier local run is lost, and it is not copied twice. A copy cut
 * short by a kill is done again at the next start, leaving out the documents already copied.
 */
final class EarlierStore {

    private static final Logger log = LoggerFactory.getLogger(EarlierStore.class);
    /** mongo-java-server's H2 backend names a collection's map {@code databases.<database>.<collection>}. */
    private static final String DATABASES = "databases.";
    private static final String INDEXES = ".system.indexes";
    private static final int BATCH = 500;
    private static final int DUPLICATE_KEY = 11000;

    private EarlierStore() {
    }

    /** Copies the H2 file's collections and unique indexes into the backend, if there is such a file. */
    static void importInto(MongoBackend backend, Path h2File) throws IOException {
        if (!Files.exists(h2File)) {
            return;
        }
        long documents = 0;
        Channel channel = new EmbeddedChannel();
        // CompactDataType reads both what it wrote and what H2's own type wrote before it (2026-11-25)
        try (MVStore store = new MVStore.Builder().fileName(h2File.toString()).readOnly().open()) {
            List<String> collections = new ArrayList<>();
            for (String name : store.getMapNames()) {
                if (name.startsWith(DATABASES) && name.endsWith(INDEXES)) {
                    for (Document index : open(store, name).values()) {
                        createIndex(backend, channel, index);
                    }
                }
                else if (name.startsWith(DATABASES) && !name.contains(".system.") && !name.contains("._index_")) {
                    collections.add(name);
                }
            }
            for (String name : collections) {
                String namespace = name.substring(DATABASES.length());
                int dot = namespace.indexOf('.');
                String database = namespace.substring(0, dot);
                String collection = namespace.substring(dot + 1);
                List<Document> batch = new ArrayList<>();
                for (Document document : open(store, name).values()) {
                    batch.add(document);
                    if (batch.size() == BATCH) {
                        documents += insert(backend, channel, database, collection, batch);
                    }
                }
                documents += insert(backend, channel, database, collection, batch);
            }
        }
        finally {
            backend.handleClose(channel);
        }
        Path imported = h2File.resolveSibling(h2File.getFileName() + ".imported");
        Files.move(h2File, imported, StandardCopyOption.REPLACE_EXISTING);
        log.info("{} documents of the earlier store copied; its file is now {}", documents, imported);
    }

    private static MVMap<Object, Document> open(MVStore store, String name) {
        return store.openMap(name, CompactDataType.<Object, Document>map());
    }

    /** An index as mongo-java-server listed it ({@code key}, {@code name}, {@code ns}, {@code unique}, …). */
    private static void createIndex(MongoBackend backend, Channel channel, Document index) {
        String namespace = (String) index.get("ns");
        if ("_id_".equals(index.get("name")) || namespace == null) {
            return;
        }
        int dot = namespace.indexOf('.');
        run(backend, channel, namespace.substring(0, dot), new Document("createIndexes", namespace.substring(dot + 1))
                .append("indexes", List.of(indexDefinition(index))));
    }

    /** An index as listed ({@code listIndexes}, {@code system.indexes}), as {@code createIndexes} takes it. */
    static Document indexDefinition(Document listed) {
        Document definition = new Document();
        listed.forEach((key, value) -> {
            if (!key.equals("ns") && !key.equals("v")) {
                definition.put(key, value);
            }
        });
        return definition;
    }

    private static int insert(MongoBackend backend, Channel channel, String database, String collection,
                              List<Document> batch) {
        int inserted = batch.size();
        if (inserted > 0) {
            run(backend, channel, database, new Document("insert", collection).append("ordered", false)
                    .append("documents", new ArrayList<>(batch)));
            batch.clear();
        }
        return inserted;
    }

    private static void run(MongoBackend backend, Channel channel, String database, Document command) {
        Document response = backend.handleCommand(channel, database, command.keySet().iterator().next(), command);
        boolean copiedBefore = response.get("writeErrors") instanceof List<?> errors && errors.stream()
                .allMatch(error -> error instanceof Document d && d.get("code") instanceof Number code
                        && code.intValue() == DUPLICATE_KEY);
        if (!Utils.isTrue(response.get("ok")) || response.containsKey("writeErrors") && !copiedBefore) {
            throw new IllegalStateException("the earlier store's data could not be copied: " + command.keySet()
                    + " answered " + response);
        }
    }
}
