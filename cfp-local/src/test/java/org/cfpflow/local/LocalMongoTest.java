package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/** The local run's store keeps every acknowledged write when it is killed ({@code kill -9}) and started again. */
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
