package org.cfpflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.cfpflow.local.LocalSystem;

/** The minimal insert-only app ({@link org.cfpflow.bench.ceiling.InsertOnlyApp}) as its own process, like a service. */
final class Ceiling implements AutoCloseable {

    private final Process process;
    private final int port;

    private Ceiling(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Ceiling start(Path root, LocalSystem system) throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classpath = root.resolve("bench/target/classes") + ":"
                + Files.readString(root.resolve("bench/target/classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(Benchmarks.javaBin()));
        // the services' own JVM settings, which ./cfp (the benchmarks' launcher) exports: one place for them
        String serviceOptions = System.getenv("CFP_SERVICE_JAVA_OPTS");
        if (serviceOptions == null || serviceOptions.isBlank()) {
            throw new IllegalStateException("CFP_SERVICE_JAVA_OPTS is not set: run the benchmarks with ./cfp bench");
        }
        command.addAll(List.of(serviceOptions.trim().split("\\s+")));
        command.addAll(List.of("-cp", classpath, "org.cfpflow.bench.ceiling.InsertOnlyApp", "--server.port=" + port,
                "--spring.mongodb.uri=" + system.mongoUri(), "--spring.mongodb.database=ceiling",
                "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("bench/target/insert-only-app.log").toFile()).start();
        Ceiling ceiling = new Ceiling(process, port);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!ceiling.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the insert-only app did not start; see bench/target/insert-only-app.log");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        return ceiling;
    }

    private boolean answers() {
        Load.Request ping = Load.post(url() + "/api/proposals", "{\"ping\":true}");
        try (Connection connection = new Connection(ping.uri())) {
            return connection.send(ping).status() == 201;
        }
        catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
