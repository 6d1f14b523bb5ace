package org.cfpflow.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the sample conferences (LPC 2017 and LPC 2019 by default) into one system through the public HTTP APIs only,
 * the way their organizers, speakers and reviewers would: each conference with its team (its track leads review and
 * decide their micro-conferences, alice reviews everything) and its timetable blocks; the proposals of all of them,
 * interleaved; the leads' scores; then the acceptances one by one, alternating between the conferences, with a pause,
 * so that someone watching /{c}/schedule sees each timetable fill in; then the speakers answer: some confirm, and
 * where a talk waits for a slot, another's speakers decline and the waiting talk moves up; the last conference
 * publishes in releases, and its organizer releases the timetable at the end (one e-mail per speaker).
 */
public final class Demo {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The demo users' passwords (local/demo-users.yml); each may be set with DEMO_<NAME>_PASSWORD. */
    private static final Map<String, String> PASSWORDS = Map.of("organizer@example.org", "organizer",
            "alice@example.org", "alice", "stephane.graber@example.org", "stephane",
            "christian.brauner@example.org", "christian", "mike.rapoport@example.org", "mike");

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
        List<String> files = args.length > 0 ? List.of(args) : List.of("../shared/datasets/lpc2017-containers-mc.json",
                "../shared/datasets/lpc2019-containers-cr-mc.json");
        Demo demo = new Demo(env("SUBMISSION_URL", "http://localhost:8081"), env("REVIEW_URL", "http://localhost:8082"),
                env("SCHEDULE_URL", "http://localhost:8083"),
                Duration.ofMillis(Long.parseLong(env("DEMO_PAUSE_MS", "1500"))));
        List<SampleConference> samples = new ArrayList<>();
        for (String file : files) {
            samples.add(SampleConference.read(Path.of(file)));
        }
        demo.run(samples);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The demo user's HTTP Basic header. */
    private static String user(String email) {
        String name = email.substring(0, email.indexOf('@')).replaceAll("\\..*", "").toUpperCase(Locale.ROOT);
        return basic(email, env("DEMO_" + name + "_PASSWORD", PASSWORDS.getOrDefault(email, name.toLowerCase(Locale.ROOT))));
    }

    private void run(List<SampleConference> conferences) throws Exception {
        String organizer = user("organizer@example.org");
        // the last conference publishes its timetable in releases: its speakers hear of their slots at the release
        SampleConference releasing = conferences.get(conferences.size() - 1);
        for (SampleConference conference : conferences) {
            define(conference, organizer, conference == releasing);
        }

        // the speakers of every conference submit, interleaved
        List<Submitted> submitted = new ArrayList<>();
        int most = conferences.stream().mapToInt(c -> c.proposals().size()).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (SampleConference conference : conferences) {
                if (i < conference.proposals().size()) {
                    JsonNode proposal = conference.proposals().get(i);
                    JsonNode created = expect(send("POST", submission + "/api/conferences/" + conference.id()
                            + "/proposals", proposal, null), 201, "submit " + proposal.path("title").asString());
                    submitted.add(new Submitted(conference.id(), created.path("id").asString(),
                            created.path("editToken").asString(), proposal.path("title").asString(),
                            conference.reviewersOf(proposal)));
                    System.out.println("Submitted to " + conference.id() + ": " + proposal.path("title").asString());
                }
            }
        }

        int i = 0;
        for (Submitted proposal : submitted) {
            int score = 3 + (i++ % 3);
            String alice = user("alice@example.org");
            retry("review " + proposal.id + " (waiting for the review-service to hear of it)", () -> send("POST",
                    review + "/api/reviews/proposals/" + proposal.id, Map.of("score", score, "comment", "Looks good"), alice));
            for (String lead : proposal.reviewers) {
                expect(send("POST", review + "/api/reviews/proposals/" + proposal.id,
                        Map.of("score", Math.max(3, score - 1)), user(lead)), 200, "review by " + lead);
            }
        }
        System.out.println("Reviewed by alice@example.org and each track's leads");

        conferences.forEach(c -> System.out.println("Accepting, one by one: watch " + schedule + "/" + c.id() + "/schedule"));
        for (Submitted proposal : submitted) {
            // a lead decides, never on a talk of their own; where every lead speaks on it, the organizer
            String decider = proposal.reviewers.isEmpty() ? organizer : user(proposal.reviewers.get(0));
            expect(send("POST", review + "/api/reviews/proposals/" + proposal.id + "/decision",
                    Map.of("decision", "ACCEPT", "note", "Welcome to the micro-conference!"), decider), 200,
                    "accept " + proposal.id);
            System.out.println("Accepted for " + proposal.conferenceId + ": " + proposal.title);
            Thread.sleep(pause.toMillis());
        }
        String movedUp = null;
        for (SampleConference conference : conferences) {
            String moved = answerAcceptances(conference, submitted, organizer);
            movedUp = conference == releasing ? moved : movedUp;
        }
        release(releasing, movedUp, organizer);
        for (SampleConference conference : conferences) {
            String published = schedule + "/" + conference.id() + "/schedule";
            System.out.println("Done. " + (conference == releasing ? "Public timetable (the release): " + published
                    + "   Working timetable (organizers): " + published + "/live" : "Timetable: " + published)
                    + "   Exports: " + published + ".xml, " + published + ".json, " + published + ".ics");
        }
    }

    /**
     * The organizer releases the working timetable, once the talk that moved up from the waitlist (if any) has its
     * slot: its speakers get one e-mail each with all their talks' slots.
     */
    private void release(SampleConference conference, String movedUp, String organizer) throws Exception {
        String timetable = schedule + "/api/conferences/" + conference.id() + "/timetable";
        poll("see the waitlisted talk of " + conference.id() + " take the declined slot",
                () -> send("GET", timetable, null, organizer), response -> response.statusCode() == 200
                        && (movedUp == null || JSON.readTree(response.body()).path("days")
                        .findValuesAsString("proposalId").contains(movedUp)));
        JsonNode release = expect(send("POST", timetable + "/releases", Map.of("version", "1.0", "comment",
                "The first timetable"), organizer), 201, "release " + conference.id());
        System.out.println("Released " + conference.id() + " " + release.path("version").asString() + ": "
                + release.path("changes").size() + " talks; each of their speakers gets one e-mail with all of theirs");
    }

    /**
     * The speakers answer their acceptances, with their edit tokens: every other placed talk is confirmed; where a
     * talk waits for a slot, the speakers of a placed talk at least as long decline, and the waiting one moves up.
     * Returns the proposal id of the talk that moves up; null where none waits.
     */
    private String answerAcceptances(SampleConference conference, List<Submitted> submitted, String organizer)
            throws Exception {
        Map<String, Submitted> byId = new java.util.HashMap<>();
        submitted.forEach(p -> byId.put(p.id, p));
        int accepted = (int) submitted.stream().filter(p -> p.conferenceId.equals(conference.id())).count();
        JsonNode timetable = JSON.readTree(poll("see every accepted talk of " + conference.id() + " placed or waiting",
                () -> send("GET", schedule + "/api/conferences/" + conference.id() + "/timetable", null, organizer),
                response -> response.statusCode() == 200 && placedOrWaiting(JSON.readTree(response.body())) == accepted)
                .body());
        List<JsonNode> slots = new ArrayList<>();
        timetable.path("days").forEach(day -> day.path("rooms").forEach(room -> room.path("slots").forEach(slots::add)));
        JsonNode waiting = timetable.path("waitlist").isEmpty() ? null : timetable.path("waitlist").get(0);
        JsonNode declined = waiting == null ? null : slots.stream().filter(slot -> slot.path("durationMinutes").asInt()
                >= waiting.path("durationMinutes").asInt()).reduce((first, second) -> second).orElse(null);
        for (int i = 0; i < slots.size(); i += 2) {
            Submitted talk = byId.get(slots.get(i).path("proposalId").asString());
            if (talk != null && slots.get(i) != declined) {
                expect(send("POST", submission + "/api/proposals/" + talk.id + "/confirm", Map.of(),
                        null, talk.editToken), 200, "confirm " + talk.id);
                System.out.println("Confirmed by its speakers: " + talk.title);
            }
        }
        if (declined != null) {
            Submitted talk = byId.get(declined.path("proposalId").asString());
            expect(send("POST", submission + "/api/proposals/" + talk.id + "/decline", Map.of(), null,
                    talk.editToken), 200, "decline " + talk.id);
            System.out.println("Declined by its speakers: " + talk.title + "; from the waitlist, "
                    + waiting.path("title").asString() + " takes a slot");
            return waiting.path("proposalId").asString();
        }
        return null;
    }

    /** Defines the conference (call open now, its team, how it publishes) and its timetable blocks. */
    private void define(SampleConference conference, String organizer, boolean releases) throws Exception {
        ObjectNode definition = conference.definition(List.of(
                Map.of("email", "organizer@example.org", "roles", List.of("ORGANIZER")),
                Map.of("email", "alice@example.org", "roles", List.of("REVIEWER"))));
        definition.put("publish", releases ? "RELEASES" : "LIVE");
        expect(send("PUT", submission + "/api/conferences/" + conference.id(), definition, organizer), 200, 201,
                "define " + conference.id());
        System.out.println("Conference defined: " + conference.title() + ", led by " + conference.leads().keySet());
        retry("place the timetable blocks of " + conference.id() + " (waiting for the schedule-service to hear of it)",
                () -> send("PUT", schedule + "/api/conferences/" + conference.id() + "/timetable/blocks",
                        conference.blocks(), organizer));
        System.out.println("Timetable blocks set: " + conference.dataset().path("timetable").findValuesAsString("room"));
    }

    private record Submitted(String conferenceId, String id, String editToken, String title,
                             List<String> reviewers) {
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private static void retry(String what, Call call) {
        HttpResponse<String> response = poll(what, call, r -> r.statusCode() / 100 == 2);
        expect(response, response.statusCode(), what);
    }

    private static int placedOrWaiting(JsonNode timetable) {
        return timetable.path("scheduled").asInt() + timetable.path("waitlist").size();
    }

    /**
     * Calls every half second until the answer is {@code done}, for up to a minute (a service still hearing of what
     * another did); then the last answer, done or not, so that the caller's check names what went wrong.
     */
    private static HttpResponse<String> poll(String what, Call call, Predicate<HttpResponse<String>> done) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        last.set(call.send());
                        return done.test(last.get());
                    });
        }
        catch (ConditionTimeoutException e) {
            if (last.get() == null) {
                throw e;
            }
        }
        return last.get();
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
        return send(method, url, body, authorization, null);
    }

    /** {@code editToken}: a speaker's, for their proposal's paths. */
    private static HttpResponse<String> send(String method, String url, Object body, String authorization,
                                             String editToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.GET();
        }
        else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (editToken != null) {
            request.header("X-Edit-Token", editToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
