package org.cfpflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.cfpflow.testsupport.HostileInputs;
import org.cfpflow.testsupport.StrictBodies;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** Every public endpoint, fed what attackers send: never a 5xx, never a stack trace, nothing changed on refusal. */
class HostileInputTest extends SubmissionServiceTest {

    private static final int ROUNDS = 100;

    @Test
    void submittingSurvivesHostileBodiesAndHeaders() {
        openCall();
        HostileInputs hostile = HostileInputs.seeded();
        Map<String, Object> template = proposal("Valid title", "Valid Speaker", "valid@example.org");
        String conference = anonymous.get("/api/conferences/lpc2017").body();
        for (int i = 0; i < ROUNDS; i++) {
            long before = proposalCount();
            String contentType = i % 10 == 0 ? hostile.string() : "application/json";
            TestHttp.Response response;
            try {
                response = anonymous.send("POST", "/api/conferences/lpc2017/proposals", contentType.isBlank() ? "application/json"
                        : contentType.replaceAll("[\\r\\n\\u0000]", ""), hostile.body(template));
            }
            catch (IllegalArgumentException clientRefusedHeader) {
                continue;
            }
            HostileInputs.assertHandledCleanly("POST /api/proposals #" + i, response);
            if (response.status() != 201) {
                assertThat(proposalCount()).as("nothing stored on a refusal, seed " + hostile.seed()).isEqualTo(before);
            }
            else {
                assertThat(response.json().path("status").asString()).isEqualTo("SUBMITTED");
            }
        }
        assertThat(anonymous.get("/api/conferences/lpc2017").body()).isEqualTo(conference);
    }

    @Test
    void bodiesThatMeanMoreThanOneThingAreRefusedNamingTheField() {
        openCall();
        String id = submit(proposal("Target", "T", "t@example.org")).json().path("id").asString();
        String conference = anonymous.get("/api/conferences/lpc2017").body();
        for (StrictBodies.Refusal refusal : StrictBodies.from(proposal("Strict", "S", "s@example.org"), "title",
                "durationMinutes")) {
            long before = proposalCount();
            StrictBodies.assertRefused(refusal, anonymous.send("POST", "/api/conferences/lpc2017/proposals", "application/json", refusal.body()));
            StrictBodies.assertRefused(refusal, organizer.send("PUT", "/api/proposals/" + id, "application/json",
                    refusal.body()));
            assertThat(proposalCount()).as(refusal.toString()).isEqualTo(before);
        }
        Instant now = Instant.now();
        for (StrictBodies.Refusal refusal : StrictBodies.from(conference(now.minus(1, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS)), "title", "tracks[0].durations[0]")) {
            StrictBodies.assertRefused(refusal, organizer.send("PUT", "/api/conferences/lpc2017", "application/json", refusal.body()));
        }
        StrictBodies.assertRefused(new StrictBodies.Refusal("a number for a boolean",
                "{\"blindReview\": 1}".getBytes(StandardCharsets.UTF_8), "blindReview"),
                organizer.send("PUT", "/api/conferences/lpc2017", "application/json", "{\"blindReview\": 1}".getBytes(StandardCharsets.UTF_8)));
        StrictBodies.assertRefused(new StrictBodies.Refusal("a number for an instant",
                "{\"callOpens\": 1500000000}".getBytes(StandardCharsets.UTF_8), "callOpens"),
                organizer.send("PUT", "/api/conferences/lpc2017", "application/json",
                        "{\"callOpens\": 1500000000}".getBytes(StandardCharsets.UTF_8)));
        assertThat(anonymous.get("/api/conferences/lpc2017").body()).isEqualTo(conference);
        assertThat(organizer.get("/api/proposals/" + id).json().path("title").asString()).isEqualTo("Target");
    }

    @Test
    void readingProposalsSurvivesHostilePathsTokensAndForms() {
        openCall();
        HostileInputs hostile = HostileInputs.seeded();
        String id = submit(proposal("Target", "T", "t@example.org")).json().path("id").asString();
        for (int i = 0; i < ROUNDS; i++) {
            String token = hostile.string().replaceAll("[\\r\\n\\u0000\\u2028\\u2029]", "x");
            String segment = i % 2 == 0 ? id : hostile.pathSegment();
            check("GET /api/proposals/" + segment, safely(() -> anonymous.get("/api/proposals/" + segment,
                    "X-Edit-Token", ascii(token))));
            check("GET /proposals/…?token=", anonymous.get("/proposals/" + segment + "?token=" + hostile.pathSegment()));
            check("POST /api/proposals/…/withdraw", safely(() -> anonymous.postJson("/api/proposals/" + segment
                    + "/withdraw", "", "X-Edit-Token", ascii(token))));
            check("POST / (form)", anonymous.postForm("/lpc2017/", "title", hostile.string(), "speakers[0].name",
                    hostile.string(), "durationMinutes", hostile.string()));
            check("GET /api/conferences/{c}", anonymous.get("/api/conferences/lpc2017?" + hostile.pathSegment() + "=1"));
        }
        assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("SUBMITTED");
    }

    private static void check(String request, TestHttp.Response response) {
        if (response != null) {
            HostileInputs.assertHandledCleanly(request, response);
        }
    }

    /** A header the HTTP client itself refuses to send is not a test of the server. */
    private static TestHttp.Response safely(java.util.function.Supplier<TestHttp.Response> call) {
        try {
            return call.get();
        }
        catch (IllegalArgumentException clientRefusedHeader) {
            return null;
        }
    }

    private static String ascii(String value) {
        return new String(value.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)
                .replaceAll("[^\\x20-\\x7e]", "?");
    }
}
