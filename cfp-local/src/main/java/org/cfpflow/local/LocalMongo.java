package org.cfpflow.local;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-protocol server for the local run (mongo-java-server) that keeps its data in memory and every change in
 * a journal file, so a second local run finds it again. Every write is in the journal before it is acknowledged: a
 * killed store loses nothing the services were told had succeeded, as a real {@code mongod}'s journal. A query that
 * names an {@code _id} besides other conditions is answered from the {@code _id} index, and a query or count on the
 * leading key of a declared non-unique index from that index, as {@code mongod} does.
 * <p>
 * The parts: {@link JournaledBackend} (commands, journal, replay at start), {@link Journal} (the file),
 * {@link IdIndexedCollection} (queries and updates by {@code _id}), {@link LeadingKeyIndex} and {@link IndexedCount}
 * (the non-unique indexes), {@link TopLevelUpdate} (the update operators it applies itself) and {@link IndexKeyType}
 * (the order of index keys).
 */
public final class LocalMongo {

    private LocalMongo() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : ".cfp/data/mongo.journal").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        // this host only unless told otherwise (CFP_BIND_ADDRESS): the store asks no one for a password
        String host = args.length > 2 ? args[2] : "127.0.0.1";
        Files.createDirectories(file.getParent());
        JournaledBackend backend = new JournaledBackend(file);
        // ./cfp shows this line when it starts the store
        StoreHeap.warningAfterStart(backend.documents()).ifPresent(warning -> System.out.println("WARNING: " + warning));
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }, "mongo-stop"));
        System.out.println("mongo-java-server (journal " + file + ") listening on " + host + ":" + port);
        Thread.currentThread().join();
    }

}
