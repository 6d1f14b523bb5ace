package org.cfpflow.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local run ({@code ./cfp local}) in its own home directory and on ports of its own, so that it never touches a
 * local run a developer has open: the system under test as separate OS processes, killed and restarted through the
 * same script an operator uses. The fault suite and the benchmarks drive it.
 */
public final class LocalSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("submission", "review", "schedule", "notification");

    private final Path root;
    private final Path home;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final String organizerPassword;
    private final String reviewerPassword;

    /** A local run with no data yet: whatever an earlier run left in {@code home} is deleted first. */
    public static LocalSystem fresh(Path root, Path home) throws IOException {
        if (Files.exists(home)) {
            try (java.util.stream.Stream<Path> files = Files.walk(home)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return new LocalSystem(root, home);
    }

    public LocalSystem(Path root, Path home) throws IOException {
        this.root = root;
        this.home = home;
        for (String name : List.of("KAFKA", "KAFKA_CONTROLLER", "MONGO", "SMTP", "MAILBOX", "SUBMISSION", "REVIEW",
                "SCHEDULE", "NOTIFICATION")) {
            ports.put(name, freePort(ports.values()));
            environment.put(name + "_PORT", Integer.toString(ports.get(name)));
        }
        organizerPassword = Long.toHexString(Double.doubleToLongBits(Math.random()));
        reviewerPassword = Long.toHexString(Double.doubleToLongBits(Math.random()));
        Files.createDirectories(home);
        // plain passwords (in this directory only): BCrypt on every request would be the suite's bottleneck
        Path users = home.resolve("users.yml");
        Files.writeString(users, """
                cfp:
                  security:
                    users:
                      - username: organizer@example.org
                        password: "{noop}%s"
                        roles: [ADMIN]
                      - username: alice@example.org
                        password: "{noop}%s"
                      - username: bob@example.org
                        password: "{noop}%s"
                """.formatted(organizerPassword, reviewerPassword, reviewerPassword));
        // derived from the ports above, not inherited: ./cfp bench and ./cfp faults run inside a ./cfp that set them
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.get("KAFKA"));
        environment.put("MONGODB_URI", "mongodb://localhost:" + ports.get("MONGO"));
        environment.put("SMTP_HOST", "localhost");
        environment.put("CFP_HOME", home.toString());
        environment.put("CFP_USERS_FILE", users.toString());
        // the fault suite and the benchmarks submit and sign in from 127.0.0.1 far faster than people do
        environment.put("CFP_SUBMISSIONS_PER_MINUTE", "100000000");
        environment.put("CFP_LIMITS_SIGN_IN_ATTEMPTS_PER_MINUTE", "100000000");
        environment.put("CFP_FOREGROUND", "0");
        // their own Kafka clients (the event ceiling, the faults' probes) sign in to no one: a broker without identities
        environment.put("CFP_KAFKA_ACLS", "0");
    }

    /** Sets an environment variable of the run (before {@link #start()}), e.g. {@code CFP_SERVICE_JAVA_OPTS}. */
    public LocalSystem with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The organizer of this run (a fresh password each run), who administers it too: creates its conferences. */
    public JsonHttp organizer(String service) {
        return new JsonHttp(url(service), "organizer@example.org", organizerPassword);
    }

    /** alice: a reviewer. */
    public JsonHttp reviewer(String service) {
        return new JsonHttp(url(service), "alice@example.org", reviewerPassword);
    }

    /** bob: a reviewer who may accept and reject. */
    public JsonHttp decider(String service) {
        return new JsonHttp(url(service), "bob@example.org", reviewerPassword);
    }

    public JsonHttp anonymous(String service) {
        return new JsonHttp(url(service), null, null);
    }

    /** The process ids of everything running, by name (kafka, mongo, smtp and the services). */
    public java.util.Map<String, Long> pids() throws IOException {
        java.util.Map<String, Long> pids = new java.util.TreeMap<>();
        try (var files = Files.list(home.resolve("pids"))) {
            for (Path file : files.toList()) {
                pids.put(file.getFileName().toString().replace(".pid", ""), Long.parseLong(Files.readString(file).strip()));
            }
        }
        return pids;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service.toUpperCase(java.util.Locale.ROOT));
    }

    public int port(String name) {
        return ports.get(name.toUpperCase(java.util.Locale.ROOT));
    }

    public int smtpPort() {
        return port("SMTP");
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + port("MONGO");
    }

    /** The password of this run's organizer (organizer@example.org). */
    public String organizerPassword() {
        return organizerPassword;
    }

    /** The password of both reviewers (alice, bob) of this run. */
    public String reviewerPassword() {
        return reviewerPassword;
    }

    public String kafka() {
        return "127.0.0.1:" + ports.get("KAFKA");
    }

    public Path mailbox() {
        return home.resolve("data/mailbox.tsv");
    }

    public void start() throws IOException, InterruptedException {
        cfp(Duration.ofMinutes(6), "local");
    }

    /** {@code kill -9}: no shutdown hook, no flush, connections dropped mid-request. */
    public void kill(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(home.resolve("pids/" + name + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Starts a process again and waits until it is ready (healthy for a service, its port open otherwise). */
    public void restart(String name) throws IOException, InterruptedException {
        cfp(Duration.ofMinutes(4), "restart", name);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        cfp(Duration.ofMinutes(2), "stop");
    }

    private void cfp(Duration limit, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("cfp").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("cfp-script.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./cfp " + String.join(" ", arguments) + " took longer than " + limit
                    + "; see " + home.resolve("cfp-script.log"));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./cfp " + String.join(" ", arguments) + " failed: "
                    + Files.readString(home.resolve("cfp-script.log")));
        }
    }

    /**
     * A port free now, below Linux's ephemeral range (32768–60999): the processes bind their ports seconds later,
     * and a port from that range can meanwhile be taken by any outgoing connection (Kafka's controller port once
     * was, failing a CI run).
     */
    private static int freePort(Collection<Integer> taken) throws IOException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            }
            catch (IOException inUse) {
                // another one
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
