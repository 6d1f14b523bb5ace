package org.cfpflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.cfpflow.testsupport.AccessMatrix;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Every endpoint × every kind of caller; refusals change nothing. */
class AuthorizationMatrixTest extends SubmissionServiceTest {

    @Test
    void everyEndpointAnswersEachCallerAsItShould() {
        openCall();
        String conferenceBefore = anonymous.get("/api/conferences/lpc2017").body();
        JsonNode target = submit(proposal("Target", "Target Speaker", "target@example.org")).json();
        String id = target.path("id").asString();
        String otherToken = submit(proposal("Other", "Other Speaker", "other@example.org")).json()
                .path("editToken").asString();
        Instant now = Instant.now();
        Map<String, Object> conference = conference(now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
        conference.put("title", "Renamed by whoever got through");
        Map<String, Object> edit = proposal("Edited by whoever got through", "Target Speaker", "target@example.org");
        Map<String, Object> other = conference(now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
        other.put("team", List.of(Map.of("email", "other-organizer@example.org", "roles", List.of("ORGANIZER"))));
        assertThat(admin.putJson("/api/conferences/lpc2019", other).status()).isIn(200, 201);
        TestHttp otherOrganizer = anonymous.as("other-organizer@example.org", "other-secret");
        assertThat(otherOrganizer.get("/api/conferences/lpc2019/proposals").status()).isEqualTo(200);

        AccessMatrix refusals = new AccessMatrix()
                .caller("anonymous", anonymous)
                .caller("speaker of another proposal", new TokenClient(anonymous, otherToken).http())
                .caller("reviewer", anonymous.as("reviewer@example.org", "reviewer-secret"))
                .caller("reviewer with decision rights", anonymous.as("decider@example.org", "decider-secret"))
                .caller("organizer of another conference", otherOrganizer);
        refusals.row("PUT /api/conferences/{c}", c -> c.putJson("/api/conferences/lpc2017", conference), 401, 401, 403, 403, 403)
                .row("GET /api/conferences/{c}/proposals", c -> c.get("/api/conferences/lpc2017/proposals"), 401, 401, 403, 403, 403)
                // the organizers' pages: a browser is sent to sign in, any other client asked to
                .row("GET /{c}/proposals", c -> c.get("/lpc2017/proposals"), 401, 401, 403, 403, 403)
                .row("GET /{c}/proposals.csv", c -> c.get("/lpc2017/proposals.csv"), 401, 401, 403, 403, 403)
                .row("GET /{c}/dashboard", c -> c.get("/lpc2017/dashboard"), 401, 401, 403, 403, 403)
                .row("GET /{c}/settings", c -> c.get("/lpc2017/settings"), 401, 401, 403, 403, 403)
                .row("POST /{c}/settings (no CSRF token)", c -> c.postForm("/lpc2017/settings", "title", "x"), 403, 403, 403, 403, 403)
                .row("GET /conferences/new", c -> c.get("/conferences/new"), 401, 401, 403, 403, 403)
                .row("POST /conferences/new (no CSRF token)", c -> c.postForm("/conferences/new", "id", "lpc2099"), 403, 403, 403, 403, 403)
                .row("HEAD /api/conferences/{c}/proposals", c -> c.send("HEAD", "/api/conferences/lpc2017/proposals", null, null), 401, 401, 403, 403, 403)
                // OPTIONS tells a signed-in caller the methods only
                .row("OPTIONS /api/conferences/{c}/proposals", c -> c.send("OPTIONS", "/api/conferences/lpc2017/proposals", null, null), 401, 401, 200, 200, 200)
                .row("GET /api/proposals/{id}", c -> c.get("/api/proposals/" + id), 404, 404, 404, 404, 404)
                .row("HEAD /api/proposals/{id}", c -> c.send("HEAD", "/api/proposals/" + id, null, null),
                        404, 404, 404, 404, 404)
                .row("GET /api/proposals/{id}/timeline", c -> c.get("/api/proposals/" + id + "/timeline"),
                        404, 404, 404, 404, 404)
                .row("PUT /api/proposals/{id}", c -> c.putJson("/api/proposals/" + id, edit), 404, 404, 404, 404, 404)
                .row("PUT /api/proposals/{unknown}", c -> c.putJson("/api/proposals/no-such-id", edit), 404, 404, 404, 404, 404)
                .row("POST /api/proposals/{id}/withdraw", c -> c.postJson("/api/proposals/" + id + "/withdraw", ""),
                        404, 404, 404, 404, 404)
                .row("POST /api/proposals/{id}/confirm", c -> c.postJson("/api/proposals/" + id + "/confirm", ""),
                        404, 404, 404, 404, 404)
                .row("POST /api/proposals/{id}/decline", c -> c.postJson("/api/proposals/" + id + "/decline", ""),
                        404, 404, 404, 404, 404)
                .row("POST /proposals/{id}/confirm (page, no CSRF token)",
                        c -> c.postForm("/proposals/" + id + "/confirm"), 403, 403, 403, 403, 403)
                .row("POST /proposals/{id}/decline (page, no CSRF token)",
                        c -> c.postForm("/proposals/" + id + "/decline"), 403, 403, 403, 403, 403)
                .row("GET /proposals/{id} (page)", c -> c.get("/proposals/" + id), 404, 404, 404, 404, 404)
                .row("POST /proposals/{id}/withdraw (page, no CSRF token)",
                        c -> c.postForm("/proposals/" + id + "/withdraw"), 403, 403, 403, 403, 403)
                .row("POST /{c}/ (page, no CSRF token)", c -> c.postForm("/lpc2017/", "title", "x"), 403, 403, 403, 403, 403)
                .row("GET /actuator/info", c -> c.get("/actuator/info"), 401, 401, 403, 403, 403)
                .row("GET /actuator/prometheus", c -> c.get("/actuator/prometheus"), 401, 401, 403, 403, 403)
                .row("GET /api/conferences/{c}", c -> c.get("/api/conferences/lpc2017"), 200, 200, 200, 200, 200)
                .row("HEAD /api/conferences/{c}", c -> c.send("HEAD", "/api/conferences/lpc2017", null, null), 200, 200, 200, 200, 200)
                .row("GET /{c}/", c -> c.get("/lpc2017/"), 200, 200, 200, 200, 200)
                .row("GET /api/conferences", c -> c.get("/api/conferences"), 200, 200, 200, 200, 200)
                .row("GET /", c -> c.get("/"), 200, 200, 200, 200, 200)
                .row("GET /v3/api-docs", c -> c.get("/v3/api-docs"), 200, 200, 200, 200, 200)
                .row("GET /actuator/health", c -> c.get("/actuator/health"), 200, 200, 200, 200, 200)
                .verify();
        assertThat(anonymous.get("/api/conferences/lpc2017").body()).as("nothing changed").isEqualTo(conferenceBefore);
        JsonNode unchanged = organizer.get("/api/proposals/" + id).json();
        assertThat(unchanged.path("title").asString()).isEqualTo("Target");
        assertThat(unchanged.path("status").asString()).isEqualTo("SUBMITTED");

        new AccessMatrix()
                .caller("organizer", organizer)
                .caller("admin", admin)
                .caller("the proposal's speaker", new TokenClient(anonymous, target.path("editToken").asString()).http())
                .row("GET /api/proposals/{id}", c -> c.get("/api/proposals/" + id), 200, 200, 200)
                .row("PUT /api/proposals/{id}", c -> c.putJson("/api/proposals/" + id, edit), 200, 200, 200)
                .row("GET /api/conferences/{c}/proposals", c -> c.get("/api/conferences/lpc2017/proposals"), 200, 200, 401)
                .row("GET /{c}/proposals", c -> c.get("/lpc2017/proposals"), 200, 200, 401)
                .row("GET /{c}/proposals.csv", c -> c.get("/lpc2017/proposals.csv"), 200, 200, 401)
                .row("GET /{c}/dashboard", c -> c.get("/lpc2017/dashboard"), 200, 200, 401)
                .row("GET /{c}/settings", c -> c.get("/lpc2017/settings"), 200, 200, 401)
                .row("GET /conferences/new", c -> c.get("/conferences/new"), 403, 200, 401)
                .row("HEAD /api/conferences/{c}/proposals", c -> c.send("HEAD", "/api/conferences/lpc2017/proposals", null, null), 200, 200, 401)
                .row("GET /api/proposals/{id}/timeline", c -> c.get("/api/proposals/" + id + "/timeline"), 200, 200, 200)
                .row("GET /actuator/prometheus", c -> c.get("/actuator/prometheus"), 403, 200, 401)
                .row("GET /actuator/info", c -> c.get("/actuator/info"), 403, 200, 401)
                .row("POST /api/conferences/{c}/proposals", c -> c.postJson("/api/conferences/lpc2017/proposals", proposal("New", "N", "n@example.org")),
                        201, 201, 201)
                // allowed, and refused as the proposal is not accepted
                .row("POST /api/proposals/{id}/confirm", c -> c.postJson("/api/proposals/" + id + "/confirm", ""),
                        409, 409, 409)
                .row("POST /api/proposals/{id}/decline", c -> c.postJson("/api/proposals/" + id + "/decline", ""),
                        409, 409, 409)
                .row("POST /api/proposals/{id}/withdraw", c -> c.postJson("/api/proposals/" + id + "/withdraw", ""),
                        200, 200, 200)
                .verify();
    }

    /**
     * The API is for clients that present credentials with each request; it takes no session cookie, so that a page
     * of another site cannot act through an organizer's logged-in browser (the API has no CSRF token to ask for).
     */
    @Test
    void aLoggedInBrowsersSessionDoesNotReachTheApi() {
        openCall();
        String id = submit(proposal("Kept", "Kept Speaker", "kept@example.org")).json().path("id").asString();
        TestHttp browser = TestHttp.localhost(port);
        TestHttp.Response login = browser.postForm("/login", "username", ORGANIZER, "password", "organizer-secret",
                "_csrf", browser.get("/login").csrfToken());
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).as("logged in, not sent back to the form").doesNotContain("error");

        TestHttp.Response forged = browser.postForm("/api/proposals/" + id + "/withdraw");
        TestHttp.Response listed = browser.get("/api/conferences/lpc2017/proposals", "Accept", "application/json");

        assertThat(forged.status()).as("the session carries no authority: as for anyone without the token; "
                + forged.body()).isEqualTo(404);
        assertThat(listed.status()).as(listed.body()).isEqualTo(401);
        assertThat(listed.header("Set-Cookie")).as("the API starts no session").isNull();
        assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("SUBMITTED");

        // credentials a browser remembers (HTTP Basic) are attached to another site's form too: its
        // Sec-Fetch-Site header gives such a write away
        TestHttp.Response crossSite = organizer.postJson("/api/proposals/" + id + "/withdraw", "",
                "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.contentType()).startsWith("application/problem+json");
        assertThat(crossSite.json().path("detail").asString()).contains("another site");
        assertThat(organizer.postJson("/api/conferences/lpc2017/proposals", proposal("Elsewhere", "E", "e@example.org"),
                "Sec-Fetch-Site", "same-site").status()).isEqualTo(403);
        assertThat(organizer.get("/api/proposals/" + id, "Sec-Fetch-Site", "cross-site").status())
                .as("reading is not a write").isEqualTo(200);
        assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(organizer.postJson("/api/proposals/" + id + "/withdraw", "", "Sec-Fetch-Site", "same-origin")
                .status()).as("the service's own pages may write").isEqualTo(200);
    }

    /** A client that presents an edit token with every request, as a speaker's would. */
    record TokenClient(TestHttp base, String token) {

        TestHttp http() {
            return base.withHeader("X-Edit-Token", token);
        }
    }
}
