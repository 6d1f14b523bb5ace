package org.cfpflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cfpflow.testsupport.AccessMatrix;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Every endpoint × every kind of caller; refusals change nothing; blind review holds on every endpoint. */
class AuthorizationMatrixTest extends ReviewServiceTest {

    @Test
    void everyEndpointAnswersEachCallerAsItShould() {
        String id = submitted(talk("Matrix", "Hidden Speaker", "hidden.speaker@example.org"));
        TestHttp speakerWithToken = anonymous.withHeader("X-Edit-Token", "a-token-of-another-proposal");

        new AccessMatrix()
                .caller("anonymous", anonymous)
                .caller("speaker of another proposal", speakerWithToken)
                .row("GET /api/reviews/queue", c -> c.get("/api/conferences/lpc2017/reviews/queue"), 401, 401)
                .row("GET /{c}/board/progress", c -> c.get("/lpc2017/board/progress"), 401, 401)
                .row("GET /api/reviews/proposals", c -> c.get("/api/conferences/lpc2017/reviews/proposals"), 401, 401)
                .row("GET /api/reviews/proposals/{id}", c -> c.get("/api/reviews/proposals/" + id), 401, 401)
                .row("POST /api/reviews/proposals/{id}", c -> c.postJson("/api/reviews/proposals/" + id,
                        Map.of("score", 1)), 401, 401)
                .row("POST /api/reviews/proposals/{id}/decision", c -> c.postJson("/api/reviews/proposals/" + id
                        + "/decision", Map.of("decision", "REJECT")), 401, 401)
                .row("HEAD /api/reviews/queue", c -> c.send("HEAD", "/api/conferences/lpc2017/reviews/queue", null, null), 401, 401)
                .row("OPTIONS /api/reviews/proposals", c -> c.send("OPTIONS", "/api/conferences/lpc2017/reviews/proposals", null, null),
                        401, 401)
                .row("POST /board/proposals/{id}/review (page, no CSRF token)",
                        c -> c.postForm("/board/proposals/" + id + "/review", "score", "1"), 403, 403)
                .row("GET /actuator/info", c -> c.get("/actuator/info"), 401, 401)
                .row("GET /actuator/prometheus", c -> c.get("/actuator/prometheus"), 401, 401)
                .row("GET /v3/api-docs", c -> c.get("/v3/api-docs"), 200, 200)
                .row("GET /actuator/health", c -> c.get("/actuator/health"), 200, 200)
                .verify();
        TestHttp.Response board = anonymous.get("/lpc2017/board", "Accept", "text/html");
        assertThat(board.status()).as("the board sends browsers to the login form").isEqualTo(302);
        assertThat(board.header("Location")).endsWith("/login");

        new AccessMatrix()
                .caller("reviewer", alice)
                .row("GET /api/reviews/queue", c -> c.get("/api/conferences/lpc2017/reviews/queue"), 200)
                .row("GET /api/reviews/proposals", c -> c.get("/api/conferences/lpc2017/reviews/proposals"), 200)
                .row("GET /api/reviews/proposals/{id}", c -> c.get("/api/reviews/proposals/" + id), 200)
                .row("POST /api/reviews/proposals/{id}", c -> c.postJson("/api/reviews/proposals/" + id,
                        Map.of("score", 2)), 200)
                .row("POST /api/reviews/proposals/{id}/decision", c -> c.postJson("/api/reviews/proposals/" + id
                        + "/decision", Map.of("decision", "REJECT")), 403)
                .row("GET /board", c -> c.get("/lpc2017/board"), 200)
                .row("GET /{c}/board/progress (organizers only)", c -> c.get("/lpc2017/board/progress"), 403)
                .row("GET /actuator/info", c -> c.get("/actuator/info"), 403)
                .verify();
        JsonNode afterRefusals = organizer.get("/api/reviews/proposals/" + id).json();
        assertThat(afterRefusals.path("reviewCount").asInt()).isEqualTo(1);
        assertThat(afterRefusals.has("decision")).as("nothing decided on refusals").isFalse();

        new AccessMatrix()
                .caller("reviewer with decision rights", bob)
                .caller("organizer", organizer)
                .row("GET /api/reviews/queue", c -> c.get("/api/conferences/lpc2017/reviews/queue"), 200, 200)
                .row("POST /api/reviews/proposals/{id}", c -> c.postJson("/api/reviews/proposals/" + id,
                        Map.of("score", 3)), 200, 200)
                .row("POST /api/reviews/proposals/{id}/decision", c -> c.postJson("/api/reviews/proposals/" + id
                        + "/decision", Map.of("decision", "ACCEPT")), 200, 200)
                .row("GET /actuator/info (administrators only)", c -> c.get("/actuator/info"), 403, 403)
                .verify();

        // blind review: no endpoint shows a reviewer who the speakers are
        for (String path : new String[] {"/api/conferences/lpc2017/reviews/queue?size=200", "/api/conferences/lpc2017/reviews/proposals?size=200",
                "/api/reviews/proposals/" + id, "/lpc2017/board", "/board/proposals/" + id}) {
            assertThat(alice.get(path).body()).as(path).doesNotContain("Hidden Speaker", "hidden.speaker@example.org");
            assertThat(bob.get(path).body()).as(path).doesNotContain("Hidden Speaker", "hidden.speaker@example.org");
        }
        assertThat(organizer.get("/api/reviews/proposals/" + id).body()).contains("Hidden Speaker");
    }

    /** The conflict-of-interest rule holds on every view: the ranking and the board too, HEAD as GET. */
    @Test
    void aReviewerWhoAlsoSpeaksSeesNothingOfTheirOwnProposal() {
        String own = submitted(talk("A talk by the reviewer himself", "Serge Hallyn", "serge.hallyn@example.org"));
        String other = submitted(talk("Someone else's talk", "Other", "other.speaker@example.org"));
        assertStatus(alice.postJson("/api/reviews/proposals/" + own, Map.of("score", 5)), 200);

        new AccessMatrix()
                .caller("reviewer who speaks on it", serge)
                .row("GET /api/reviews/proposals/{own}", c -> c.get("/api/reviews/proposals/" + own), 403)
                .row("HEAD /api/reviews/proposals/{own}", c -> c.send("HEAD", "/api/reviews/proposals/" + own, null, null),
                        403)
                .row("POST /api/reviews/proposals/{own}", c -> c.postJson("/api/reviews/proposals/" + own,
                        Map.of("score", 5)), 403)
                .row("GET /board/proposals/{own}", c -> c.get("/board/proposals/" + own), 403)
                .row("GET /api/reviews/proposals/{other}", c -> c.get("/api/reviews/proposals/" + other), 200)
                .verify();
        for (String path : new String[] {"/api/conferences/lpc2017/reviews/queue?size=200", "/api/conferences/lpc2017/reviews/proposals?size=200",
                "/api/conferences/lpc2017/reviews/proposals?sort=submitted&size=200", "/lpc2017/board"}) {
            String body = serge.get(path).body();
            assertThat(body).as(path).contains(other).doesNotContain(own, "A talk by the reviewer himself");
        }
        assertThat(organizer.get("/api/conferences/lpc2017/reviews/proposals?size=200").body()).contains(own);
    }

    @Test
    void pagesAndApiCarryTheSecurityHeadersAndCorsStaysClosed() {
        TestHttp.Response page = alice.get("/lpc2017/board");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body()).doesNotContain("<script", "<style", "style=\"");

        TestHttp.Response preflight = anonymous.send("OPTIONS", "/api/conferences/lpc2017/reviews/queue", null, null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        TestHttp.Response crossOrigin = alice.get("/api/conferences/lpc2017/reviews/queue", "Origin", "https://evil.example");
        assertThat(crossOrigin.header("Access-Control-Allow-Origin")).isNull();

        TestHttp.Response oversized = alice.postJson("/api/reviews/proposals/any", "{\"comment\": \""
                + "x".repeat(70 * 1024) + "\"}");
        assertThat(oversized.status()).isEqualTo(413);
    }
}
