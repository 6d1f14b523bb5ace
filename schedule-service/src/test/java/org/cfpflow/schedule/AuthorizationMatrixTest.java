package org.cfpflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.cfpflow.testsupport.AccessMatrix;
import org.cfpflow.testsupport.ApiDocs;
import org.junit.jupiter.api.Test;

/** The published timetable is public; changing it is for organizers; refusals change nothing. */
class AuthorizationMatrixTest extends ScheduleServiceTest {

    @Test
    void everyEndpointAnswersEachCallerAsItShould() {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-room", "2017-09-21T09:00", "2017-09-21T10:00"))), 200);
        String before = anonymous.get("/api/timetable").body();
        Map<String, Object> newBlocks = Map.of("blocks", List.of());

        new AccessMatrix()
                .caller("anonymous", anonymous)
                .caller("speaker of another proposal", anonymous.withHeader("X-Edit-Token", "a-token"))
                .caller("reviewer", anonymous.as("reviewer@example.org", "reviewer-secret"))
                .caller("reviewer with decision rights", anonymous.as("decider@example.org", "decider-secret"))
                .row("PUT /api/timetable/blocks", c -> c.putJson("/api/timetable/blocks", newBlocks), 401, 401, 403, 403)
                .row("PUT /api/timetable/talks/{id}", c -> c.putJson("/api/timetable/talks/x",
                        Map.of("start", "2017-09-21T09:00", "room", "r")), 401, 401, 403, 403)
                .row("OPTIONS /api/timetable/blocks", c -> c.send("OPTIONS", "/api/timetable/blocks", null, null),
                        401, 401, 403, 403)
                .row("GET /actuator/info", c -> c.get("/actuator/info"), 401, 401, 403, 403)
                .row("GET /actuator/prometheus", c -> c.get("/actuator/prometheus"), 401, 401, 403, 403)
                .row("GET /api/timetable", c -> c.get("/api/timetable"), 200, 200, 200, 200)
                .row("HEAD /api/timetable", c -> c.send("HEAD", "/api/timetable", null, null), 200, 200, 200, 200)
                .row("HEAD /schedule.xml", c -> c.send("HEAD", "/schedule.xml", null, null), 200, 200, 200, 200)
                .row("OPTIONS /api/timetable", c -> c.send("OPTIONS", "/api/timetable", null, null), 200, 200, 200, 200)
                .row("GET /v3/api-docs", c -> c.get("/v3/api-docs"), 200, 200, 200, 200)
                .row("GET /schedule", c -> c.get("/schedule"), 200, 200, 200, 200)
                .row("GET /schedule.xml", c -> c.get("/schedule.xml"), 200, 200, 200, 200)
                .row("GET /schedule.json", c -> c.get("/schedule.json"), 200, 200, 200, 200)
                .row("GET /schedule.ics", c -> c.get("/schedule.ics"), 200, 200, 200, 200)
                .row("GET /actuator/health", c -> c.get("/actuator/health"), 200, 200, 200, 200)
                .verify();
        assertThat(anonymous.get("/api/timetable").body()).as("nothing changed").isEqualTo(before);

        new AccessMatrix()
                .caller("organizer", organizer)
                .row("PUT /api/timetable/talks/{id}", c -> c.putJson("/api/timetable/talks/unknown",
                        Map.of("start", "2017-09-21T09:00", "room", "r")), 404)
                .row("GET /actuator/info", c -> c.get("/actuator/info"), 200)
                .row("PUT /api/timetable/blocks", c -> c.putJson("/api/timetable/blocks", newBlocks), 200)
                .verify();
        assertThat(anonymous.get("/schedule").header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void theOpenApiDocumentCoversEveryEndpoint() {
        ApiDocs.assertDocuments(anonymous, "GET /api/timetable", "PUT /api/timetable/blocks",
                "PUT /api/timetable/talks/{proposalId}", "GET /api/timetable/stream", "GET /schedule.xml",
                "GET /schedule.json", "GET /schedule.ics");
    }
}
