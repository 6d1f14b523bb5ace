package org.cfpflow.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for service tests: what a browser or curl would send, and everything that comes back. */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String baseUrl;
    /** Keeps cookies like a browser, so that session and CSRF cookies of HTML forms work. */
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager()).build();
    private final List<String> defaultHeaders = new ArrayList<>();

    public TestHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static TestHttp localhost(int port) {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    /** A client that sends this header with every request. */
    public TestHttp withHeader(String name, String value) {
        TestHttp client = new TestHttp(baseUrl);
        client.defaultHeaders.addAll(defaultHeaders);
        client.defaultHeaders.add(name);
        client.defaultHeaders.add(value);
        return client;
    }

    /** A client that sends HTTP Basic credentials with every request. */
    public TestHttp as(String user, String password) {
        return withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Response postJson(String path, Object body, String... headers) {
        return send("POST", path, "application/json", json(body), headers);
    }

    /** Posts an HTML form, {@code application/x-www-form-urlencoded}; fields as name, value, name, value... */
    public Response postForm(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send("POST", path, "application/x-www-form-urlencoded",
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Response putJson(String path, Object body, String... headers) {
        return send("PUT", path, "application/json", json(body), headers);
    }

    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < defaultHeaders.size(); i += 2) {
            request.header(defaultHeaders.get(i), defaultHeaders.get(i + 1));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response, new String(response.body(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object body) {
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        return JSON.writeValueAsBytes(body);
    }

    public record Response(int status, HttpResponse<byte[]> raw, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The CSRF token of the HTML form in the body, for posting the form as a browser would. */
        public String csrfToken() {
            Matcher matcher = CSRF_FIELD.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token in the form: " + this);
            }
            return matcher.group(1);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
