package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
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
 * back every kind of value as written, and reads its journal whole, rewritten, or cut off by a kill.
 */
class LocalMongoTest {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        int port = freePort();
        Path file = data.resolve("mongo.journal");
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
        withStore(new JournaledBackend(data.resolve("ids.journal")), docs -> {
            for (int i = 0; i < 200; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("version", (long) i % 3)
                        .append("pendingEvents", i % 2 == 0 ? List.of(new Document("eventId", "e" + i)) : List.of()));
            }
            long scansBefore = IdIndexedCollection.SCANS.get();

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

            assertThat(IdIndexedCollection.SCANS.get()).as("full collection scans").isEqualTo(scansBefore);
            docs.find(Filters.exists("pendingEvents.0")).into(new ArrayList<>());
            assertThat(IdIndexedCollection.SCANS.get()).as("without an _id it still scans")
                    .isGreaterThan(scansBefore);
        });
    }

    @Test
    void aDeclaredNonUniqueIndexNarrowsQueriesOnItsLeadingKeyWithTheResultsOfAFullScan() throws Exception {
        Path file = data.resolve("secondary.journal");
        java.util.Random random = new java.util.Random(7);
        withStore(new JournaledBackend(file), docs -> {
            docs.createIndex(Indexes.ascending("conferenceId", "submittedAt"));
            docs.createIndex(Indexes.ascending("team.email"));
            for (int i = 0; i < 300; i++) {
                docs.insertOne(new Document("_id", "p" + i).append("conferenceId", "c" + random.nextInt(5))
                        .append("submittedAt", i % 7 == 0 ? null : new Date(1_000L * i))
                        .append("team", List.of(new Document("email", "m" + random.nextInt(9) + "@example.org"),
                                new Document("email", "m" + random.nextInt(9) + "@example.org"))));
            }
            // moved to another conference, some members changed, some removed: the index follows every write
            for (int i = 0; i < 300; i += 3) {
                docs.updateOne(Filters.eq("_id", "p" + i), Updates.set("conferenceId", "c" + random.nextInt(6)));
            }
            // submitted again later: its place in the index's order moves
            for (int i = 1; i < 300; i += 5) {
                docs.updateOne(Filters.eq("_id", "p" + i), Updates.set("submittedAt", new Date(1_000L * (400 - i))));
            }
            // an operator the store applies its generic way, to a part of the document merged back
            for (int i = 2; i < 300; i += 7) {
                docs.updateOne(Filters.eq("_id", "p" + i), Updates.pull("team",
                        new Document("email", "m" + random.nextInt(9) + "@example.org")));
            }
            docs.updateMany(Filters.eq("team.email", "m1@example.org"), Updates.set("team", List.of()));
            docs.deleteMany(Filters.eq("conferenceId", "c2"));
            assertIndexedQueriesMatchFullScans(docs);
        });
        // rebuilt from the journal at start
        withStore(new JournaledBackend(file), LocalMongoTest::assertIndexedQueriesMatchFullScans);
    }

    private static void assertIndexedQueriesMatchFullScans(MongoCollection<Document> docs) {
        for (String conference : List.of("c0", "c1", "c2", "c5", "none")) {
            Document flat = new Document("conferenceId", conference).append("submittedAt", new Document("$ne", null));
            long unsubmitted = docs.countDocuments(new Document("conferenceId", conference).append("submittedAt", null));
            long scansBefore = IdIndexedCollection.SCANS.get();
            long readBefore = IdIndexedCollection.CANDIDATES_READ.get();
            List<Document> indexed = docs.find(flat).sort(Indexes.ascending("submittedAt", "_id")).skip(2).limit(20)
                    .into(new ArrayList<>());
            assertThat(IdIndexedCollection.SCANS.get()).as("full scans for " + flat).isEqualTo(scansBefore);
            // read in the index's order: the unsubmitted ones (first, and not matching), then the page, no more
            assertThat(IdIndexedCollection.CANDIDATES_READ.get() - readBefore).as("documents read for " + flat)
                    .isLessThanOrEqualTo(unsubmitted + 2 + 20);
            long counted = docs.countDocuments(flat);
            assertThat(IdIndexedCollection.SCANS.get()).as("full scans for counting " + flat).isEqualTo(scansBefore);
            Document wrapped = new Document("$and", List.of(flat));
            assertThat(indexed).isEqualTo(docs.find(wrapped).sort(Indexes.ascending("submittedAt", "_id")).skip(2)
                    .limit(20).into(new ArrayList<>()));
            assertThat(counted).isEqualTo(docs.countDocuments(wrapped));
            CountOptions window = new CountOptions().skip(2).limit(5);
            assertThat(docs.countDocuments(flat, window)).isEqualTo(docs.countDocuments(wrapped, window));
            assertThat(IdIndexedCollection.SCANS.get()).as("the $and form scans").isGreaterThan(scansBefore);
            // an order the index does not have: all candidates read and sorted, the same answer as a full scan
            Document newestFirst = new Document("submittedAt", -1).append("_id", 1);
            assertThat(docs.find(flat).sort(newestFirst).limit(20).into(new ArrayList<>())).isEqualTo(
                    docs.find(new Document("$and", List.of(flat))).sort(newestFirst).limit(20)
                            .into(new ArrayList<>()));
        }
        for (int member = 0; member < 10; member++) {
            Document flat = new Document("team.email", "m" + member + "@example.org");
            assertThat(docs.find(flat).into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(
                    docs.find(new Document("$and", List.of(flat))).into(new ArrayList<>()));
        }
        assertThat(docs.countDocuments(new Document("conferenceId", "c2"))).isZero();
        assertThat(docs.countDocuments(new Document("team.email", "m1@example.org"))).isZero();
    }

    @Test
    void documentsUpdatedWhileOtherWritesCommitAreWrittenWhole() throws Exception {
        withStore(data.resolve("busy.journal"), docs -> {
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
        withStore(data.resolve("replace.journal"), docs -> {
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
        withStore(data.resolve("operators.journal"), docs -> {
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
        withStore(data.resolve("top-level.journal"), docs -> {
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
        withStore(data.resolve("multi.journal"), docs -> {
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
        withDatabase(new JournaledBackend(data.resolve("stats.journal")), database -> {
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
        Path file = data.resolve("types.journal");
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
        // _ids of several types in one collection, as mongod allows (the store's own key order handles them)
        List<Object> ids = List.of("p1", new ObjectId(String.format("%024x", 42)), 7, 8L, "p2", new ObjectId());
        withStore(file, docs -> {
            docs.insertOne(written);
            ids.forEach(id -> docs.insertOne(new Document("_id", id).append("of", id.getClass().getSimpleName())));
        });
        withStore(file, docs -> {
            assertThat(docs.find(Filters.eq("_id", objectId)).first()).isEqualTo(written);
            ids.forEach(id -> assertThat(docs.find(Filters.eq("_id", id)).first())
                    .isEqualTo(new Document("_id", id).append("of", id.getClass().getSimpleName())));
            assertThat(docs.countDocuments()).isEqualTo(1 + ids.size());
        });
    }

    @Test
    void aJournalMostlyOfReplacedDocumentsIsWrittenAnewAtStartWithEveryDocumentAndIndex() throws Exception {
        Path file = data.resolve("rewrite.journal");
        String text = "x".repeat(1_000);
        withDatabase(new JournaledBackend(file), database -> {
            // definitions that found collections the documents before them had created
            database.getCollection("gone").insertOne(new Document("_id", 1));
            database.getCollection("gone").drop();
            database.getCollection("before").insertOne(new Document("_id", "r"));
            database.getCollection("before").renameCollection(new MongoNamespace("notification", "after"));
            database.createCollection("empty");
            MongoCollection<Document> docs = database.getCollection("docs");
            docs.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            for (int i = 0; i < 400; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("email", "s" + i + "@x.org").append("round", 0)
                        .append("text", text));
            }
            for (int round = 1; round <= 60; round++) {
                for (int i = 0; i < 400; i += 2) {
                    docs.updateOne(Filters.eq("_id", "d" + i), Updates.set("round", round));
                }
            }
            docs.deleteOne(Filters.eq("_id", "d1"));
        });
        long written = Files.size(file);
        for (int restart = 0; restart < 2; restart++) {
            withDatabase(new JournaledBackend(file), database -> {
                MongoCollection<Document> docs = database.getCollection("docs");
                assertThat(docs.countDocuments()).isEqualTo(399);
                for (int i = 2; i < 400; i++) {
                    assertThat(docs.find(Filters.eq("_id", "d" + i)).first()).as("d%d", i)
                            .containsEntry("round", i % 2 == 0 ? 60 : 0).containsEntry("text", text);
                }
                assertThatThrownBy(() -> docs.insertOne(new Document("email", "s7@x.org")))
                        .as("the unique index").isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("duplicate key");
                assertThat(database.listCollectionNames().into(new ArrayList<>()))
                        .containsExactlyInAnyOrder("docs", "after", "empty");
                assertThat(database.getCollection("after").find().first()).isEqualTo(new Document("_id", "r"));
            });
            // 12,407 records, of which 400 documents are left: written anew, about the size of those
            assertThat(Files.size(file)).as("journal after restart %d", restart).isLessThan(written / 10);
        }
    }

    @Test
    void aRecordCutOffByAKillIsDroppedAndWhatFollowsIsKept() throws Exception {
        Path file = data.resolve("torn.journal");
        withStore(file, docs -> {
            for (int i = 0; i < 10; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("title", "Talk " + i));
            }
        });
        // the start of a record whose write a kill interrupted: a header promising more than follows
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] { 0, 0, 1, 0, 1, 2, 3, 4, 5, 6 }));
        }
        withStore(file, docs -> {
            assertThat(docs.countDocuments()).isEqualTo(10);
            docs.insertOne(new Document("_id", "after").append("title", "written after the cut"));
        });
        withStore(file, docs -> {
            assertThat(docs.countDocuments()).isEqualTo(11);
            assertThat(docs.find(Filters.eq("_id", "after")).first()).isNotNull();
        });
    }

    @Test
    void definitionsAreReplayedInTheirPlaceAmongTheWrites() throws Exception {
        Path file = data.resolve("definitions.journal");
        withDatabase(new JournaledBackend(file), database -> {
            MongoCollection<Document> kept = database.getCollection("kept");
            kept.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            kept.insertOne(new Document("_id", "a").append("email", "a@x.org"));
            MongoCollection<Document> gone = database.getCollection("gone");
            gone.insertMany(List.of(new Document("_id", 1), new Document("_id", 2)));
            gone.drop();
            gone.insertOne(new Document("_id", 3));
            MongoCollection<Document> indexDropped = database.getCollection("indexDropped");
            indexDropped.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("byEmail"));
            indexDropped.dropIndex("byEmail");
            indexDropped.insertMany(List.of(new Document("email", "same"), new Document("email", "same")));
            MongoCollection<Document> before = database.getCollection("before");
            before.insertOne(new Document("_id", "x").append("n", 1));
            before.renameCollection(new MongoNamespace("notification", "after"));
            MongoCollection<Document> after = database.getCollection("after");
            after.updateOne(Filters.eq("_id", "x"), Updates.set("n", 2));
            after.insertOne(new Document("_id", "y"));
        });
        withDatabase(new JournaledBackend(file), database -> {
            assertThatThrownBy(() -> database.getCollection("kept").insertOne(new Document("email", "a@x.org")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(database.getCollection("gone").find().map(d -> d.get("_id")).into(new ArrayList<>()))
                    .containsExactly(3);
            assertThat(database.getCollection("indexDropped").countDocuments()).isEqualTo(2);
            assertThat(database.getCollection("before").countDocuments()).isZero();
            assertThat(database.getCollection("after").find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "x").append("n", 2), new Document("_id", "y"));
        });
    }

    private void withStore(Path file, Consumer<MongoCollection<Document>> use) throws IOException {
        withStore(new JournaledBackend(file), use);
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
