package org.cfpflow.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * A MongoDB-protocol server keeping its data in one H2 file, so a second local run finds it again. Every write is
 * committed to the file before it is acknowledged: H2 would otherwise commit once a second, and a killed store
 * would lose writes the services were told had succeeded (a real {@code mongod} journals them).
 */
public final class LocalMongo {

    private LocalMongo() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : ".cfp/data/mongo.mv.db").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        Files.createDirectories(file.getParent());
        H2Backend backend = new DurableH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }, "mongo-stop"));
        System.out.println("mongo-java-server (H2 file " + file + ") listening on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }

    /**
     * Commits after each command that changes data, before it is acknowledged; concurrent writers share one commit
     * (group commit): whoever waits for the commit lock finds its write already covered by the commit just made.
     */
    static final class DurableH2Backend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
                "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

        private final AtomicLong writes = new AtomicLong();
        private final Object commitLock = new Object();
        private long committedUpTo;

        DurableH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            try {
                return super.handleCommand(channel, database, command, query);
            }
            finally {
                // also after a failed write: a multi-document write may have applied part of itself
                if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                    makeDurable(writes.incrementAndGet());
                }
            }
        }

        private void makeDurable(long write) {
            synchronized (commitLock) {
                if (committedUpTo >= write) {
                    return;
                }
                long upTo = writes.get();
                commit();
                committedUpTo = upTo;
            }
        }
    }
}
