package org.cfpflow.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the LPC 2017 containers micro-conference through the public HTTP APIs only, the way its organizers,
 * speakers and reviewers would: the conference, its timetable block, ten proposals, two reviewers' scores, then
 * the acceptances one by one, with a pause, so that someone watching /{c}/schedule sees the timetable fill in.
 */
public final class Demo {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String submission;
    private final String review;
    private final String schedule;
    private final Duration pause;

    private Demo(String submission, String review, String schedule, Duration pause) {
        this.submission = submission;
        this.review = review;
        this.schedule = schedule;
        this.pause = pause;
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args.length > 0 ? args[0] : "../shared/datasets/lpc2017-containers-mc.json");
        Demo demo = new Demo(env("SUBMISSION_URL", "http://localhost:8081"), env("REVIEW_URL", "http://localhost:8082"),
                env("SCHEDULE_URL", "http://localhost:8083"),
                Duration.ofMillis(Long.parseLong(env("DEMO_PAUSE_MS", "1500"))));
        demo.run(JSON.readTree(dataset.toFile()));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private void run(JsonNode dataset) throws Exception {
        String organizer = basic(env("DEMO_ORGANIZER", "organizer@example.org"), env("DEMO_ORGANIZER_PASSWORD", "organizer"));
        String alice = basic("alice@example.org", env("DEMO_ALICE_PASSWORD", "alice"));
        String bob = basic("bob@example.org", env("DEMO_BOB_PASSWORD", "bob"));

        ObjectNode conference = (ObjectNode) dataset.path("conference").deepCopy();
        conference.put("callOpens", Instant.now().minus(Duration.ofDays(1)).toString());
        conference.put("callCloses", Instant.now().plus(Duration.ofDays(30)).toString());
        conference.remove("start");
        conference.remove("end");
        String conferenceId = conference.remove("acronym").asString();
        conference.set("team", JSON.valueToTree(List.of(
                Map.of("email", "organizer@example.org", "roles", List.of("ORGANIZER")),
                Map.of("email", "alice@example.org", "roles", List.of("REVIEWER")),
                Map.of("email", "bob@example.org", "roles", List.of("REVIEWER", "DECIDER")))));
        expect(send("PUT", submission + "/api/conferences/" + conferenceId, conference, organizer), 200, 201,
                "define the conference");
        System.out.println("Conference defined: " + conference.path("title").asString());

        JsonNode blocks = JSON.createObjectNode().set("blocks", dataset.path("timetable"));
        retry("place the timetable block (waiting for the schedule-service to hear of the conference)",
                () -> send("PUT", schedule + "/api/conferences/" + conferenceId + "/timetable/blocks", blocks, organizer));
        System.out.println("Timetable block set: " + dataset.path("timetable").get(0).path("room").asString());

        List<String> ids = new ArrayList<>();
        for (JsonNode proposal : dataset.path("proposals")) {
            JsonNode created = expect(send("POST", submission + "/api/conferences/" + conferenceId + "/proposals", proposal, null), 201,
                    "submit " + proposal.path("title").asString());
            ids.add(created.path("id").asString());
            System.out.println("Submitted: " + proposal.path("title").asString());
        }

        int i = 0;
        for (String id : ids) {
            int score = 3 + (i++ % 3);
            retry("review " + id + " (waiting for the review-service to hear of it)", () -> send("POST",
                    review + "/api/reviews/proposals/" + id, Map.of("score", score, "comment", "Looks good"), alice));
            expect(send("POST", review + "/api/reviews/proposals/" + id, Map.of("score", Math.max(3, score - 1)), bob),
                    200, "second review");
        }
        System.out.println("Reviewed by alice@example.org and bob@example.org");

        System.out.println("Accepting, one by one: watch " + schedule + "/" + conferenceId + "/schedule");
        for (String id : ids) {
            JsonNode decided = expect(send("POST", review + "/api/reviews/proposals/" + id + "/decision",
                    Map.of("decision", "ACCEPT", "note", "Welcome to the containers micro-conference!"), bob), 200,
                    "accept " + id);
            System.out.println("Accepted: " + decided.path("title").asString());
            Thread.sleep(pause.toMillis());
        }
        String published = schedule + "/" + conferenceId + "/schedule";
        System.out.println("Done. Timetable: " + published + "   Exports: " + published + ".xml, " + published
                + ".json, " + published + ".ics");
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private static void retry(String what, Call call) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> response = call.send();
        while (response.statusCode() / 100 != 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = call.send();
        }
        expect(response, response.statusCode() / 100 == 2 ? response.statusCode() : 200, what);
    }

    private static JsonNode expect(HttpResponse<String> response, int status, String what) {
        return expect(response, status, status, what);
    }

    /** Either status will do: e.g. 201 for a conference made, 200 for one changed. */
    private static JsonNode expect(HttpResponse<String> response, int status, int orStatus, String what) {
        if (response.statusCode() != status && response.statusCode() != orStatus) {
            throw new IllegalStateException("Could not " + what + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, Object body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
