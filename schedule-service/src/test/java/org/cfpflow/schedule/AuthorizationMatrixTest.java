package org.cfpflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.testsupport.AccessMatrix;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.ApiDocs;
import org.junit.jupiter.api.Test;

/** The published timetable is public; changing it is for organizers; refusals change nothing. */
class AuthorizationMatrixTest extends ScheduleServiceTest {

    @Test
    void everyEndpointAnswersEachCallerAsItShould() {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-room", "2017-09-21T09:00", "2017-09-21T10:00"))), 200);
        String before = anonymous.get("/api/conferences/" + conferenceId + "/timetable").body();
        Map<String, Object> newBlocks = Map.of("blocks", List.of());
        TestHttp other = anonymous.as("other-organizer@example.org", "other-secret");
        publish(new ConferenceDefined("lpc2019", "LPC 2019", "UTC", Instant.now(), Instant.now(),
                List.of(new Track(track, "Track", List.of(15), List.of())), true, null, null,
                List.of(new TeamMember("other-organizer@example.org", List.of(TeamRole.ORGANIZER), List.of())),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                other.putJson("/api/conferences/lpc2019/timetable/blocks", newBlocks).status() == 200);

        new AccessMatrix()
                .caller("anonymous", anonymous)
                .caller("speaker of another proposal", anonymous.withHeader("X-Edit-Token", "a-token"))
                .caller("reviewer", anonymous.as("reviewer@example.org", "reviewer-secret"))
                .caller("reviewer with decision rights", anonymous.as("decider@example.org", "decider-secret"))
                .caller("organizer of another conference", other)
                .row("PUT /api/conferences/{c}/timetable/blocks", c -> c.putJson("/api/conferences/" + conferenceId + "/timetable/blocks", newBlocks), 401, 401, 403, 403, 403)
                .row("PUT /api/conferences/{c}/timetable/talks/{id}", c -> c.putJson("/api/conferences/" + conferenceId + "/timetable/talks/x",
                        Map.of("start", "2017-09-21T09:00", "room", "r")), 401, 401, 403, 403, 403)
                .row("OPTIONS /api/conferences/{c}/timetable/blocks (the methods only)", c -> c.send("OPTIONS", "/api/conferences/" + conferenceId + "/timetable/blocks", null, null),
                        401, 401, 200, 200, 200)
                .row("POST /api/conferences/{c}/timetable/releases", c -> c.postJson("/api/conferences/" + conferenceId + "/timetable/releases",
                        Map.of("version", "v1")), 401, 401, 403, 403, 403)
                .row("GET /actuator/info", c -> c.get("/actuator/info"), 401, 401, 403, 403, 403)
                .row("GET /actuator/prometheus", c -> c.get("/actuator/prometheus"), 401, 401, 403, 403, 403)
                .row("GET /api/conferences/{c}/timetable", c -> c.get("/api/conferences/" + conferenceId + "/timetable"), 200, 200, 200, 200, 200)
                .row("HEAD /api/conferences/{c}/timetable", c -> c.send("HEAD", "/api/conferences/" + conferenceId + "/timetable", null, null), 200, 200, 200, 200, 200)
                .row("HEAD /{c}/schedule.xml", c -> c.send("HEAD", "/" + conferenceId + "/schedule.xml", null, null), 200, 200, 200, 200, 200)
                .row("OPTIONS /api/conferences/{c}/timetable", c -> c.send("OPTIONS", "/api/conferences/" + conferenceId + "/timetable", null, null), 200, 200, 200, 200, 200)
                .row("GET /v3/api-docs", c -> c.get("/v3/api-docs"), 200, 200, 200, 200, 200)
                .row("GET /{c}/schedule", c -> c.get("/" + conferenceId + "/schedule"), 200, 200, 200, 200, 200)
                .row("GET /{c}/schedule/live", c -> c.get("/" + conferenceId + "/schedule/live"), 200, 200, 200, 200, 200)
                .row("GET /api/conferences/{c}/timetable/published", c -> c.get("/api/conferences/" + conferenceId + "/timetable/published"), 200, 200, 200, 200, 200)
                .row("GET /api/conferences/{c}/timetable/releases", c -> c.get("/api/conferences/" + conferenceId + "/timetable/releases"), 200, 200, 200, 200, 200)
                .row("GET /{c}/schedule.xml", c -> c.get("/" + conferenceId + "/schedule.xml"), 200, 200, 200, 200, 200)
                .row("GET /{c}/schedule.json", c -> c.get("/" + conferenceId + "/schedule.json"), 200, 200, 200, 200, 200)
                .row("GET /{c}/schedule.ics", c -> c.get("/" + conferenceId + "/schedule.ics"), 200, 200, 200, 200, 200)
                .row("GET /actuator/health", c -> c.get("/actuator/health"), 200, 200, 200, 200, 200)
                .verify();
        assertThat(anonymous.get("/api/conferences/" + conferenceId + "/timetable").body()).as("nothing changed").isEqualTo(before);

        new AccessMatrix()
                .caller("organizer", organizer)
                .row("PUT /api/conferences/{c}/timetable/talks/{id}", c -> c.putJson("/api/conferences/" + conferenceId + "/timetable/talks/unknown",
                        Map.of("start", "2017-09-21T09:00", "room", "r")), 404)
                .row("GET /actuator/info (administrators only)", c -> c.get("/actuator/info"), 403)
                .row("PUT /api/conferences/{c}/timetable/blocks", c -> c.putJson("/api/conferences/" + conferenceId + "/timetable/blocks", newBlocks), 200)
                .row("POST /api/conferences/{c}/timetable/releases", c -> c.postJson("/api/conferences/" + conferenceId + "/timetable/releases",
                        Map.of("comment", "First")), 201)
                .verify();
        assertThat(anonymous.get("/" + conferenceId + "/schedule").header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void theOpenApiDocumentCoversEveryEndpoint() {
        ApiDocs.assertDocuments(anonymous, "GET /api/conferences/{c}/timetable",
                "PUT /api/conferences/{c}/timetable/blocks", "PUT /api/conferences/{c}/timetable/talks/{proposalId}",
                "GET /api/conferences/{c}/timetable/stream", "GET /{c}/schedule.xml",
                "GET /{c}/schedule.json", "GET /{c}/schedule.ics", "POST /api/conferences/{c}/timetable/releases",
                "GET /api/conferences/{c}/timetable/releases", "GET /api/conferences/{c}/timetable/published");
    }
}
