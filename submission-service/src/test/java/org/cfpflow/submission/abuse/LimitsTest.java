package org.cfpflow.submission.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** Per-address limits, with clients told apart by X-Forwarded-For as a trusted proxy on this host would send it. */
@TestPropertySource(properties = {"cfp.limits.submissions-per-minute=3", "cfp.limits.token-failures-per-minute=3",
        "cfp.http.trusted-proxies=127.0.0.1,::1"})
class LimitsTest extends SubmissionServiceTest {

    @Test
    void submittingIsLimitedPerClientAddress() {
        openCall();
        TestHttp client = anonymous.withHeader("X-Forwarded-For", "203.0.113.7");
        for (int i = 0; i < 3; i++) {
            assertThat(client.postJson("/api/conferences/lpc2017/proposals", proposal("Burst " + i, "B", "b@example.org")).status())
                    .isEqualTo(201);
        }
        TestHttp.Response refused = client.postJson("/api/conferences/lpc2017/proposals", proposal("One too many", "B", "b@example.org"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(anonymous.withHeader("X-Forwarded-For", "203.0.113.8")
                .postJson("/api/conferences/lpc2017/proposals", proposal("Someone else", "S", "s@example.org")).status()).isEqualTo(201);
    }

    @Test
    void anEncodedPathIsTheSubmissionItReachesAndCounts() {
        openCall();
        TestHttp client = anonymous.withHeader("X-Forwarded-For", "203.0.113.30");
        assertThat(client.postJson("/api/conferences/lpc2017/%70roposals", proposal("Encoded 1", "E", "e@example.org")).status()).isEqualTo(201);
        assertThat(client.postJson("/%61pi/conferences/lpc2017/proposals", proposal("Encoded 2", "E", "e@example.org")).status()).isEqualTo(201);
        assertThat(client.postJson("/api/conferences/lpc2017/proposals;x=y", proposal("Encoded 3", "E", "e@example.org")).status()).isIn(201, 400);
        long before = proposalCount();
        for (String path : List.of("/api/conferences/lpc2017/%70roposals", "/%61pi/conferences/lpc2017/proposals", "/api/conferences/lpc2017/proposals")) {
            TestHttp.Response refused = client.postJson(path, proposal("One too many", "E", "e@example.org"));
            assertThat(refused.status()).as(path).isEqualTo(429);
        }
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void ipv6ClientsShareTheLimitOfTheirSlash64() {
        openCall();
        for (int i = 1; i <= 3; i++) {
            assertThat(anonymous.withHeader("X-Forwarded-For", "2001:db8:7:7::" + i)
                    .postJson("/api/conferences/lpc2017/proposals", proposal("IPv6 " + i, "S", "s@example.org")).status()).isEqualTo(201);
        }
        assertThat(anonymous.withHeader("X-Forwarded-For", "2001:db8:7:7:ffff::4")
                .postJson("/api/conferences/lpc2017/proposals", proposal("Same /64", "S", "s@example.org")).status()).isEqualTo(429);
        assertThat(anonymous.withHeader("X-Forwarded-For", "2001:db8:7:8::1")
                .postJson("/api/conferences/lpc2017/proposals", proposal("Next /64", "S", "s@example.org")).status()).isEqualTo(201);
    }

    @Test
    void guessingTokensGetsNothingAndIsSoonRefused() {
        openCall();
        JsonNode created = anonymous.withHeader("X-Forwarded-For", "203.0.113.20")
                .postJson("/api/conferences/lpc2017/proposals", proposal("Guarded", "G", "g@example.org")).json();
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
