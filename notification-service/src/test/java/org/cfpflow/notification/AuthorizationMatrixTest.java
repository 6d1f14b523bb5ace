package org.cfpflow.notification;

import org.cfpflow.testsupport.AccessMatrix;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.ApiDocs;
import org.junit.jupiter.api.Test;

/** Who got which e-mail is for organizers only. */
class AuthorizationMatrixTest extends NotificationServiceTest {

    @Test
    void everyEndpointAnswersEachCallerAsItShould() {
        TestHttp anonymous = TestHttp.localhost(port);
        new AccessMatrix()
                .caller("anonymous", anonymous)
                .caller("speaker of another proposal", anonymous.withHeader("X-Edit-Token", "a-token"))
                .caller("reviewer", anonymous.as("reviewer@example.org", "reviewer-secret"))
                .caller("reviewer with decision rights", anonymous.as("decider@example.org", "decider-secret"))
                .caller("organizer of another conference", anonymous.as("other-organizer@example.org", "other-secret"))
                .caller("organizer", organizer)
                .caller("admin", anonymous.as("admin@example.org", "admin-secret"))
                .row("GET /api/notifications?conference=lpc2017", c -> c.get("/api/notifications?conference=lpc2017"),
                        401, 401, 403, 403, 403, 200, 200)
                .row("HEAD /api/notifications?conference=lpc2017",
                        c -> c.send("HEAD", "/api/notifications?conference=lpc2017", null, null),
                        401, 401, 403, 403, 403, 200, 200)
                .row("GET /api/notifications (every conference's)", c -> c.get("/api/notifications"),
                        401, 401, 400, 400, 400, 400, 200)
                .row("GET /{c}/emails", c -> c.get("/lpc2017/emails"), 401, 401, 403, 403, 403, 200, 200)
                .row("GET /{c}/emails/settings", c -> c.get("/lpc2017/emails/settings"), 401, 401, 403, 403, 403, 200, 200)
                .row("GET /{c}/emails/templates/{kind}", c -> c.get("/lpc2017/emails/templates/ACCEPTED"), 401, 401, 403, 403, 403, 200, 200)
                .row("POST /{c}/emails/send (no CSRF token)", c -> c.postForm("/lpc2017/emails/send", "all", "true"), 403, 403, 403, 403, 403, 403, 403)
                .row("POST /{c}/emails/settings (no CSRF token)", c -> c.postForm("/lpc2017/emails/settings", "hold", "ACCEPTED"), 403, 403, 403, 403, 403, 403, 403)
                .row("GET /{c}/email?id=unknown", c -> c.get("/lpc2017/email?id=unknown"), 401, 401, 403, 403, 403, 404, 404)
                .row("GET /actuator/info", c -> c.get("/actuator/info"), 401, 401, 403, 403, 403, 403, 200)
                .row("GET /actuator/prometheus", c -> c.get("/actuator/prometheus"), 401, 401, 403, 403, 403, 403, 200)
                .row("GET /v3/api-docs", c -> c.get("/v3/api-docs"), 200, 200, 200, 200, 200, 200, 200)
                .row("GET /actuator/health", c -> c.get("/actuator/health"), 200, 200, 200, 200, 200, 200, 200)
                .verify();
    }

    @Test
    void theOpenApiDocumentCoversEveryEndpoint() {
        ApiDocs.assertDocuments(TestHttp.localhost(port), "GET /api/notifications");
    }
}
