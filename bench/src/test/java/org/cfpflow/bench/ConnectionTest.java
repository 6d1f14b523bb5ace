package org.cfpflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's client against a server that answers what each test scripts, byte for byte. */
class ConnectionTest {

    private ServerSocket server;
    private final Queue<String> answers = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread connection = new Thread(() -> answer(socket));
                    connection.setDaemon(true);
                    connection.start();
                }
                catch (IOException e) {
                    return; // closed after the test
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void keepsOneConnectionForAnswersWithALength() throws IOException {
        answers.add("HTTP/1.1 201 \r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"id\":\"a1\"}\n");
        answers.add("HTTP/1.1 400 \r\ncontent-length: 2\r\n\r\n{}");
        try (Connection connection = new Connection(URI.create(base()))) {
            assertThat(connection.send(Load.post(base() + "/api/proposals", "{\"title\":\"Zoë\"}")))
                    .isEqualTo(new Connection.Answer(201, "{\"id\":\"a1\"}\n"));
            assertThat(connection.send(Load.post(base() + "/api/proposals", "{}")).status()).isEqualTo(400);
        }
        assertThat(connections).hasValue(1);
        // the length counts the bytes, not the characters
        assertThat(requests.get(0)).startsWith("POST /api/proposals HTTP/1.1\r\n")
                .contains("Content-Length: 16\r\n").endsWith("\r\n\r\n{\"title\":\"Zoë\"}");
    }

    @Test
    void readsAChunkedAnswerWholeAndTheNextOneAfterIt() throws IOException {
        answers.add("HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\n{\"a\"\r\nA\r\n:\"0123456\"\r\n1\r\n}\r\n0\r\n\r\n");
        answers.add("HTTP/1.1 204 \r\n\r\n");
        try (Connection connection = new Connection(URI.create(base()))) {
            assertThat(connection.send(decision()).body()).isEqualTo("{\"a\":\"0123456\"}");
            assertThat(connection.send(decision()).status()).isEqualTo(204);
        }
        assertThat(connections).hasValue(1);
        assertThat(requests.get(0)).contains("Authorization: Basic Ym9iOnNlY3JldA==\r\n");
    }

    @Test
    void opensANewConnectionAfterTheServerSaidClose() throws IOException {
        answers.add("HTTP/1.1 201 \r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        answers.add("HTTP/1.1 201 \r\nContent-Length: 0\r\n\r\n");
        try (Connection connection = new Connection(URI.create(base()))) {
            assertThat(connection.send(decision()).status()).isEqualTo(201);
            assertThat(connection.send(decision()).status()).isEqualTo(201);
        }
        assertThat(connections).hasValue(2);
    }

    @Test
    void failsOnAnAnswerCutShortAndReconnectsForTheNext() throws IOException {
        answers.add("HTTP/1.1 201 \r\nContent-Length: 100\r\n\r\n{\"id\":");
        answers.add("HTTP/1.1 201 \r\nContent-Length: 0\r\n\r\n");
        try (Connection connection = new Connection(URI.create(base()))) {
            assertThatThrownBy(() -> connection.send(decision())).isInstanceOf(IOException.class)
                    .hasMessageContaining("inside an answer's body");
            assertThat(connection.send(decision()).status()).isEqualTo(201);
        }
        assertThat(connections).hasValue(2);
    }

    @Test
    void sendsTheQuery() throws IOException {
        answers.add("HTTP/1.1 201 \r\nContent-Length: 0\r\n\r\n");
        try (Connection connection = new Connection(URI.create(base()))) {
            connection.send(Load.post(base() + "/api/proposals?dryRun=true&x=a%20b", "{}"));
        }
        assertThat(requests.get(0)).startsWith("POST /api/proposals?dryRun=true&x=a%20b HTTP/1.1\r\n");
    }

    @Test
    void sendsAGetWithoutABody() throws IOException {
        answers.add("HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\n{}");
        try (Connection connection = new Connection(URI.create(base()))) {
            assertThat(connection.send(Load.get(base() + "/api/conferences/c/timetable", "Basic eA==")).body())
                    .isEqualTo("{}");
        }
        assertThat(requests.get(0)).startsWith("GET /api/conferences/c/timetable HTTP/1.1\r\n")
                .contains("Authorization: Basic eA==\r\n").doesNotContain("Content-Length").doesNotContain("Content-Type");
    }

    private Load.Request decision() {
        return new Load.Request(URI.create(base() + "/api/reviews/proposals/p1/decision"), "{\"decision\":\"ACCEPT\"}",
                "Basic Ym9iOnNlY3JldA==");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Reads each request (head and Content-Length body, if any) and writes the next scripted answer; closes after one cut short. */
    private void answer(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            while (true) {
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                while (!request.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    request.write(b);
                }
                String head = request.toString(StandardCharsets.ISO_8859_1);
                int length = head.contains("Content-Length: ")
                        ? Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1")) : 0;
                request.write(in.readNBytes(length));
                requests.add(request.toString(StandardCharsets.UTF_8));
                String answer = answers.remove();
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                if (answer.contains("Connection: close") || answer.endsWith("{\"id\":")) {
                    return;
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
