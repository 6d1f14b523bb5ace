package org.cfpflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Mailpit's REST API. */
final class MailpitMailbox implements Mailbox {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    MailpitMailbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public List<ReceivedMail> messages() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (JsonNode summary : json.readTree(get("/api/v1/messages?limit=10000")).path("messages")) {
            String id = summary.path("ID").asString();
            JsonNode message = json.readTree(get("/api/v1/message/" + id));
            List<String> to = new ArrayList<>();
            message.path("To").forEach(address -> to.add(address.path("Address").asString()));
            List<ReceivedMail.Attachment> attachments = new ArrayList<>();
            for (JsonNode attachment : message.path("Attachments")) {
                attachments.add(new ReceivedMail.Attachment(attachment.path("FileName").asString(),
                        attachment.path("ContentType").asString(),
                        getBytes("/api/v1/message/" + id + "/part/" + attachment.path("PartID").asString())));
            }
            mails.add(new ReceivedMail(message.path("From").path("Address").asString(), to,
                    message.path("Subject").asString(), blankToNull(message.path("Text").asString()),
                    blankToNull(message.path("HTML").asString()), attachments));
        }
        return mails;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private String get(String path) {
        return new String(getBytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        catch (IOException e) {
            throw new IllegalStateException("Mailpit did not answer " + path, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
