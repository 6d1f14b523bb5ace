package org.cfpflow.submission.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** Per-address limits, with clients told apart by X-Forwarded-For as a proxy on this host would send it. */
@TestPropertySource(properties = {"cfp.limits.submissions-per-minute=3", "cfp.limits.token-failures-per-minute=3"})
class LimitsTest extends SubmissionServiceTest {

    @Test
    void submittingIsLimitedPerClientAddress() {
        openCall();
        TestHttp client = anonymous.withHeader("X-Forwarded-For", "203.0.113.7");
        for (int i = 0; i < 3; i++) {
            assertThat(client.postJson("/api/proposals", proposal("Burst " + i, "B", "b@example.org")).status())
                    .isEqualTo(201);
        }
        TestHttp.Response refused = client.postJson("/api/proposals", proposal("One too many", "B", "b@example.org"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(anonymous.withHeader("X-Forwarded-For", "203.0.113.8")
                .postJson("/api/proposals", proposal("Someone else", "S", "s@example.org")).status()).isEqualTo(201);
    }

    @Test
    void guessingTokensGetsNothingAndIsSoonRefused() {
        openCall();
        JsonNode created = anonymous.withHeader("X-Forwarded-For", "203.0.113.20")
                .postJson("/api/proposals", proposal("Guarded", "G", "g@example.org")).json();
        String id = created.path("id").asString();
        TestHttp guesser = anonymous.withHeader("X-Forwarded-For", "203.0.113.21");
        for (String guess : List.of("guess-1", "guess-2", "guess-3")) {
            assertThat(guesser.get("/api/proposals/" + id, "X-Edit-Token", guess).status()).isEqualTo(404);
        }
        TestHttp.Response blocked = guesser.get("/api/proposals/" + id, "X-Edit-Token", created.path("editToken").asString());
        assertThat(blocked.status()).as("even the right token, once blocked").isEqualTo(429);
        assertThat(blocked.body()).doesNotContain("Guarded");
        assertThat(anonymous.withHeader("X-Forwarded-For", "203.0.113.22")
                .get("/api/proposals/" + id, "X-Edit-Token", created.path("editToken").asString()).status()).isEqualTo(200);
    }
}
