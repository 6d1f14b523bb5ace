package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local run's store keeps every acknowledged write when it is killed ({@code kill -9}) and started again, reads
 * back every kind of value as written, and opens files written by mongo-java-server's own H2 backend.
 */
class LocalMongoTest {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        int port = freePort();
        Path file = data.resolve("mongo.mv.db");
        Process store = start(file, port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> proposals = client.getDatabase("submission").getCollection("proposals");
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> acknowledged = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                acknowledged.add(writers.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        proposals.insertOne(new Document("_id", writer + "-" + i).append("title", "Talk " + i));
                    }
                }));
            }
            for (Future<?> write : acknowledged) {
                write.get();
            }
            writers.shutdown();
        }
        store.destroyForcibly().waitFor();

        Process again = start(file, port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            assertThat(client.getDatabase("submission").getCollection("proposals").countDocuments()).isEqualTo(400);
        }
        finally {
            again.destroyForcibly().waitFor();
        }
    }

    @Test
    void aQueryNamingAnIdBesidesOtherConditionsIsAnsweredFromTheIndexWithTheSameResult() throws Exception {
        withStore(new LocalMongo.DurableH2Backend(data.resolve("ids.mv.db").toString()), docs -> {
            for (int i = 0; i < 200; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("version", (long) i % 3)
                        .append("pendingEvents", i % 2 == 0 ? List.of(new Document("eventId", "e" + i)) : List.of()));
            }
            long scansBefore = LocalMongo.IdIndexedCollection.SCANS.get();

            // a versioned save's filter, the relay's filter, and an update by both
            assertThat(docs.find(Filters.and(Filters.eq("_id", "d4"), Filters.eq("version", 1L))).first()).isNotNull();
            assertThat(docs.find(Filters.and(Filters.eq("_id", "d4"), Filters.eq("version", 2L))).first()).isNull();
            assertThat(docs.find(Filters.and(Filters.in("_id", "d1", "d2", "d3", "d4", "nope"),
                    Filters.exists("pendingEvents.0"))).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("d2", "d4");
            assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "d5"), Filters.eq("version", 2L)),
                    Updates.inc("version", 1L)).getModifiedCount()).isEqualTo(1);
            assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "d5"), Filters.eq("version", 2L)),
                    Updates.inc("version", 1L)).getModifiedCount()).as("a stale version changes nothing").isZero();

            assertThat(LocalMongo.IdIndexedCollection.SCANS.get()).as("full collection scans").isEqualTo(scansBefore);
            docs.find(Filters.exists("pendingEvents.0")).into(new ArrayList<>());
            assertThat(LocalMongo.IdIndexedCollection.SCANS.get()).as("without an _id it still scans")
                    .isGreaterThan(scansBefore);
        });
    }

    @Test
    void documentsUpdatedWhileOtherWritesCommitAreWrittenWhole() throws Exception {
        withStore(data.resolve("busy.mv.db"), docs -> {
            docs.insertOne(new Document("_id", "timetable").append("entries", List.of()));
            docs.insertOne(new Document("_id", "replaced").append("entries", List.of()));
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int writer = w;
                    // every update adds a field to the one document while the others' commits write it to the file
                    running.add(writers.submit(() -> {
                        for (int i = 0; i < 150; i++) {
                            docs.updateOne(Filters.eq("_id", "timetable"), Updates.combine(
                                    Updates.set("w" + writer + "i" + i, i), Updates.push("entries", writer)));
                            docs.insertOne(new Document("_id", "w" + writer + "-" + i));
                            // and a whole document replaced, as a versioned save does
                            docs.replaceOne(Filters.eq("_id", "replaced"), new Document("entries",
                                    List.of(new Document("writer", writer).append("i", i))));
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : running) {
                    writer.get();
                }
            }
            catch (Exception e) {
                throw new AssertionError(e);
            }
            finally {
                writers.shutdown();
            }
            Document stored = docs.find(Filters.eq("_id", "timetable")).first();
            assertThat(stored.getList("entries", Integer.class)).hasSize(600);
            assertThat(stored.keySet()).hasSize(2 + 600);
            assertThat(docs.find(Filters.eq("_id", "replaced")).first().getList("entries", Document.class))
                    .hasSize(1);
            assertThat(docs.countDocuments()).isEqualTo(602);
        });
    }

    @Test
    void aReplacementByIdFollowsMongosRules() throws Exception {
        withStore(data.resolve("replace.mv.db"), docs -> {
            docs.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", "a").append("version", 1L).append("email", "a@x.org")
                    .append("entries", List.of(new Document("n", 1))).append("gone", true));
            docs.insertOne(new Document("_id", "b").append("version", 1L).append("email", "b@x.org"));
            Document next = new Document("_id", "a").append("version", 2L).append("email", "c@x.org")
                    .append("entries", List.of(new Document("n", 1), new Document("n", 2)));

            // as a versioned save sends it
            var saved = docs.replaceOne(new Document("_id", "a").append("version", 1L), next);
            assertThat(saved.getMatchedCount()).isEqualTo(1);
            assertThat(saved.getModifiedCount()).isEqualTo(1);
            assertThat(docs.find(Filters.eq("_id", "a")).first()).isEqualTo(next);
            assertThat(docs.replaceOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1L)),
                    new Document("version", 3L)).getMatchedCount()).as("a stale version").isZero();
            assertThat(docs.replaceOne(Filters.eq("_id", "a"), next).getModifiedCount()).as("the same again").isZero();

            // the unique index follows the replacement: the old key is free, the new one taken
            assertThat(docs.find(Filters.eq("email", "c@x.org")).first().get("_id")).isEqualTo("a");
            docs.insertOne(new Document("_id", "d").append("email", "a@x.org"));
            assertThatThrownBy(() -> docs.replaceOne(Filters.eq("_id", "a"), new Document("email", "b@x.org")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> docs.replaceOne(Filters.eq("_id", "a"), new Document("_id", "z")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("_id");
            assertThat(docs.find(Filters.eq("_id", "a")).first()).as("refused replacements change nothing")
                    .isEqualTo(next);

            docs.replaceOne(Filters.eq("_id", "e"), new Document("email", "e@x.org"),
                    new ReplaceOptions().upsert(true));
            assertThat(docs.find(Filters.eq("email", "e@x.org")).first().get("_id")).isEqualTo("e");
            assertThat(docs.countDocuments()).isEqualTo(4);
        });
    }

    @Test
    void anOperatorUpdateByIdChangesWhatItNamesAndKeepsTheRest() throws Exception {
        withStore(data.resolve("operators.mv.db"), docs -> {
            docs.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", "t").append("version", 1L).append("email", "t@x.org")
                    .append("entries", List.of(new Document("n", 1))).append("nested", new Document("a", 1).append("b", 2))
                    .append("pendingEvents", List.of(new Document("eventId", "e1"), new Document("eventId", "e2")))
                    .append("gone", true));
            docs.insertOne(new Document("_id", "u").append("email", "u@x.org"));

            // the relay's removal of published events
            assertThat(docs.updateOne(Filters.eq("_id", "t"), Updates.combine(
                    Updates.pull("pendingEvents", new Document("eventId", new Document("$in", List.of("e1")))),
                    Updates.inc("version", 1L))).getModifiedCount()).isEqualTo(1);
            assertThat(docs.updateOne(Filters.eq("_id", "t"), Updates.pull("pendingEvents",
                    new Document("eventId", "nope"))).getModifiedCount()).as("nothing to remove").isZero();
            assertThat(docs.updateOne(new Document("_id", "t").append("version", 1L), Updates.inc("version", 1L))
                    .getMatchedCount()).as("a stale version").isZero();
            docs.updateOne(Filters.eq("_id", "t"), Updates.combine(Updates.set("nested.b", 3), Updates.unset("gone"),
                    Updates.push("entries", new Document("n", 2)), Updates.set("added", "new")));
            assertThatThrownBy(() -> docs.updateOne(Filters.eq("_id", "t"), Updates.set("email", "u@x.org")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");

            Document expected = new Document("_id", "t").append("version", 2L).append("email", "t@x.org")
                    .append("entries", List.of(new Document("n", 1), new Document("n", 2)))
                    .append("nested", new Document("a", 1).append("b", 3))
                    .append("pendingEvents", List.of(new Document("eventId", "e2"))).append("added", "new");
            Document stored = docs.find(Filters.eq("_id", "t")).first();
            assertThat(stored).isEqualTo(expected);
            assertThat(new ArrayList<>(stored.keySet())).as("fields keep their order")
                    .isEqualTo(new ArrayList<>(expected.keySet()));

            // the unique index follows; an operator the fast way leaves alone still works
            docs.updateOne(Filters.eq("_id", "t"), Updates.set("email", "v@x.org"));
            docs.insertOne(new Document("_id", "w").append("email", "t@x.org"));
            assertThat(docs.find(Filters.eq("email", "v@x.org")).first().get("_id")).isEqualTo("t");
            docs.updateOne(Filters.eq("_id", "t"), Updates.rename("added", "renamed"));
            assertThat(docs.find(Filters.eq("_id", "t")).first().get("renamed")).isEqualTo("new");
        });
    }

    @Test
    void aTopLevelUpdateByIdLeavesWhatTheGenericWayLeaves() throws Exception {
        withStore(data.resolve("top-level.mv.db"), docs -> {
            docs.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            for (String id : List.of("short", "generic")) {
                docs.insertOne(new Document("_id", id).append("name", id).append("email", id + "@x.org")
                        .append("version", 1L).append("count", 1).append("ratio", 0.5)
                        .append("entries", List.of(new Document("n", 1), new Document("n", 2)))
                        .append("title", "old"));
            }
            docs.insertOne(new Document("_id", "other").append("email", "other@x.org"));
            List<Bson> updates = List.of(
                    Updates.combine(Updates.set("title", "new"), Updates.inc("version", 1L), Updates.inc("count", 2L),
                            Updates.inc("ratio", 1), Updates.inc("missing", 3),
                            Updates.pushEach("entries", List.of(new Document("n", 3), new Document("n", 4)),
                                    new PushOptions().slice(-3)),
                            Updates.push("log", "first")),
                    Updates.combine(Updates.pushEach("entries", List.of(new Document("n", 5)),
                            new PushOptions().slice(2)), Updates.set("nested", new Document("a", List.of(1, 2)))),
                    Updates.push("log", new Document("at", 1)),
                    Updates.pushEach("log", List.of()),
                    Updates.set("title", "new"),
                    Updates.set("email", "other@x.org"),
                    Updates.inc("title", 1),
                    Updates.push("title", 1),
                    Updates.combine(Updates.set("count", 1), Updates.inc("count", 1)));
            for (Bson update : updates) {
                Object bySelf = outcome(() -> docs.updateOne(Filters.eq("_id", "short"), update));
                Object byName = outcome(() -> docs.updateOne(Filters.eq("name", "generic"), update));
                assertThat(bySelf).as(update.toString()).isEqualTo(byName);
            }
            Document byId = docs.find(Filters.eq("_id", "short")).first();
            Document generic = docs.find(Filters.eq("_id", "generic")).first();
            for (Document doc : List.of(byId, generic)) {
                doc.remove("_id");
                doc.remove("name");
                doc.remove("email");
            }
            assertThat(byId).isEqualTo(generic);
            assertThat(new ArrayList<>(byId.keySet())).isEqualTo(new ArrayList<>(generic.keySet()));
            assertThat(byId.getList("entries", Document.class)).extracting(d -> d.get("n")).containsExactly(2, 3);
            assertThat(byId.get("version")).isEqualTo(2L);
        });
    }

    @Test
    void anUpdateOfDocumentsNamedByIdLeavesWhatTheGenericWayLeaves() throws Exception {
        withStore(data.resolve("multi.mv.db"), docs -> {
            for (String set : List.of("short", "generic")) {
                for (int i = 1; i <= 3; i++) {
                    docs.insertOne(new Document("_id", set + i).append("name", set + i).append("version", 1)
                            .append("status", i == 3 ? "SENT" : "PENDING").append("body", "text " + i)
                            .append("attempts", i == 2 ? "many" : i));
                }
            }
            List<Bson> updates = List.of(
                    Updates.combine(Updates.set("claim", "c1"), Updates.inc("version", 1)),
                    Updates.set("claim", "c1"),
                    Updates.inc("attempts", 1),
                    Updates.combine(Updates.set("claim", "c2"), Updates.push("log", "claimed")));
            for (Bson update : updates) {
                Object byIds = outcome(() -> docs.updateMany(Filters.and(Filters.in("_id", "short1", "short2",
                        "short3", "short4", "short1"), Filters.eq("status", "PENDING")), update));
                Object byNames = outcome(() -> docs.updateMany(Filters.and(Filters.in("name", "generic1", "generic2",
                        "generic3", "generic4"), Filters.eq("status", "PENDING")), update));
                assertThat(byIds).as(update.toString()).isEqualTo(byNames);
            }
            for (int i = 1; i <= 3; i++) {
                Document byId = docs.find(Filters.eq("_id", "short" + i)).first();
                Document generic = docs.find(Filters.eq("_id", "generic" + i)).first();
                for (Document doc : List.of(byId, generic)) {
                    doc.remove("_id");
                    doc.remove("name");
                }
                assertThat(byId).isEqualTo(generic);
            }
            assertThat(docs.find(Filters.eq("_id", "short1")).first().get("claim")).isEqualTo("c2");
            assertThat(docs.find(Filters.eq("_id", "short3")).first().get("claim")).isNull();
        });
    }

    /** What an update answered: its counts, or the kind of error and its code. */
    private static Object outcome(Supplier<UpdateResult> update) {
        try {
            UpdateResult result = update.get();
            return List.of(result.getMatchedCount(), result.getModifiedCount());
        }
        catch (MongoWriteException e) {
            return List.of(e.getClass(), e.getCode());
        }
    }

    @Test
    void collStatsComputesTheSizeOfWhatIsStoredNow() throws Exception {
        withDatabase(new LocalMongo.DurableH2Backend(data.resolve("stats.mv.db").toString()), database -> {
            MongoCollection<Document> docs = database.getCollection("docs");
            docs.insertOne(new Document("_id", "kept").append("title", "x".repeat(1000)));
            docs.insertOne(new Document("_id", "gone").append("title", "y".repeat(500)));
            docs.updateOne(Filters.eq("_id", "kept"), Updates.set("title", "z".repeat(2000)));
            docs.deleteOne(Filters.eq("_id", "gone"));

            int stored = new RawBsonDocument(docs.find().first(), new DocumentCodec()).getByteBuffer().remaining();
            assertThat(database.runCommand(new Document("collStats", "docs")).get("size", Number.class).intValue())
                    .isEqualTo(stored);
        });
    }

    @Test
    void everyKindOfValueIsReadBackAsWrittenAfterARestart() throws Exception {
        Path file = data.resolve("types.mv.db");
        ObjectId objectId = new ObjectId();
        UUID uuid = UUID.randomUUID();
        Document written = new Document("_id", objectId).append("title", "Lockdown <&> Ünïcödé")
                .append("minutes", 20).append("version", 7L).append("score", 4.5)
                .append("price", new Decimal128(new BigDecimal("12.50"))).append("accepted", true)
                .append("decidedAt", new Date(1_700_000_000_123L)).append("uuid", uuid)
                .append("blob", new Binary(new byte[] { 0, 1, 2, (byte) 255 })).append("nothing", null)
                .append("speakers", List.of(new Document("name", "Ada").append("email", "ada@example.org"),
                        new Document("name", "Linus")))
                .append("tags", List.of("containers", 3, List.of("nested")));
        withStore(file, docs -> docs.insertOne(written));
        withStore(file, docs -> assertThat(docs.find(Filters.eq("_id", objectId)).first()).isEqualTo(written));
    }

    @Test
    void aFileWrittenWithH2sOwnValueTypeIsReadAndItsUniqueIndexesStillHold() throws Exception {
        Path file = data.resolve("legacy.mv.db");
        withStore(new H2Backend(file.toString()), docs -> {
            docs.createIndex(Indexes.ascending("email", "conference"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                // fixed object ids, so this setup (mongo-java-server's own backend, none of our code) is the same in
                // every run: with random ones it failed once in some sixty runs, H2's "Can not compare"
                docs.insertOne(new Document("_id", i % 2 == 0 ? "p" + i : new ObjectId(String.format("%024x", 7919L * i)))
                        .append("email", "s" + i + "@x.org")
                        .append("conference", i % 3).append("speakers", List.of(new Document("name", "S" + i))));
            }
        });

        for (int restart = 0; restart < 2; restart++) {
            withStore(file, docs -> {
                assertThat(docs.countDocuments()).isEqualTo(300);
                assertThat(docs.find(Filters.eq("_id", "p42")).first().getString("email")).isEqualTo("s42@x.org");
                assertThat(docs.find(Filters.and(Filters.eq("email", "s44@x.org"), Filters.eq("conference", 44 % 3)))
                        .first().get("_id")).isEqualTo("p44");
                for (int i = 0; i < 300; i += 37) {
                    int n = i;
                    assertThatThrownBy(() -> docs.insertOne(new Document("email", "s" + n + "@x.org")
                            .append("conference", n % 3))).as("duplicate key %d", n)
                            .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                }
                // the index takes changes: a key moved away and back, a new one added and removed
                docs.updateOne(Filters.eq("_id", "p42"), Updates.set("email", "moved@x.org"));
                docs.insertOne(new Document("_id", "new").append("email", "s42@x.org").append("conference", 0));
                docs.deleteOne(Filters.eq("_id", "new"));
                docs.updateOne(Filters.eq("_id", "p42"), Updates.set("email", "s42@x.org"));
            });
        }
    }

    @Test
    void theStoreCompactsItsFileInStepsOfItsOwnAndKeepsEveryDocument() throws Exception {
        Path file = data.resolve("compact.mv.db");
        LocalMongo.DurableH2Backend backend = new LocalMongo.DurableH2Backend(file.toString());
        // chunks become candidates once no reader may need them; H2 keeps them 45 s by default
        backend.getMvStore().getFileStore().setRetentionTime(0);
        String text = "x".repeat(1_000);
        withStore(backend, docs -> {
            for (int i = 0; i < 400; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("round", 0).append("text", text));
            }
            // every write commits a chunk of its own: rewriting every other document leaves chunks partly live
            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < 400; i += 2) {
                    docs.updateOne(Filters.eq("_id", "d" + i), Updates.set("round", round));
                }
            }
            // H2's background writer compacts nothing here (autoCompactFillRate 0): these steps are the store's own
            await().atMost(Duration.ofSeconds(30)).until(() -> backend.compactionSteps() > 0);
        });
        withStore(file, docs -> {
            assertThat(docs.countDocuments()).isEqualTo(400);
            for (int i = 0; i < 400; i++) {
                assertThat(docs.find(Filters.eq("_id", "d" + i)).first()).as("d%d", i)
                        .containsEntry("round", i % 2 == 0 ? 3 : 0).containsEntry("text", text);
            }
        });
    }

    private void withStore(Path file, Consumer<MongoCollection<Document>> use) throws IOException {
        withStore(new LocalMongo.DurableH2Backend(file.toString()), use);
    }

    private static void withStore(H2Backend backend, Consumer<MongoCollection<Document>> use) throws IOException {
        withDatabase(backend, database -> use.accept(database.getCollection("docs")));
    }

    private static void withDatabase(H2Backend backend, Consumer<MongoDatabase> use) throws IOException {
        int port = freePort();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?uuidRepresentation=standard")) {
            use.accept(client.getDatabase("notification"));
        }
        finally {
            server.shutdownNow();
            backend.close();
        }
    }

    private static Process start(Path file, int port) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LocalMongo.class.getName(), file.toString(),
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> listening(port));
        return process;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
