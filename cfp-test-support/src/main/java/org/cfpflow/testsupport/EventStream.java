package org.cfpflow.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Server-Sent Events stream read line by line in the background, as a browser's EventSource reads it. */
public final class EventStream implements AutoCloseable {

    public static final String ENDED = "(the server ended the stream)";

    private final HttpResponse<InputStream> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
    }

    /** Opens the stream; {@code lastEventId} (or null) as a reconnecting EventSource sends it. */
    public static EventStream open(String url, String lastEventId, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            EventStream stream = new EventStream(HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
            stream.read();
            return stream;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Every line read so far; {@link #ENDED} once the server closed the stream. */
    public List<String> lines() {
        return lines;
    }

    public boolean ended() {
        return lines.contains(ENDED) || lines.stream().anyMatch(l -> l.startsWith("closed: "));
    }

    private void read() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
                lines.add(ENDED);
            }
            catch (IOException e) {
                lines.add("closed: " + e);
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() {
        try {
            response.body().close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
