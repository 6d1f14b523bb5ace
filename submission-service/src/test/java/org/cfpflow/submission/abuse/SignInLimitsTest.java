package org.cfpflow.submission.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing stops at the limit, per address and per username, before any hash is computed; the service
 * stays responsive meanwhile; public endpoints ignore credentials they do not need.
 */
@TestPropertySource(properties = {"cfp.limits.sign-in-attempts-per-minute=10", "cfp.http.trusted-proxies=127.0.0.1,::1"})
class SignInLimitsTest extends SubmissionServiceTest {

    @Test
    void fiveHundredParallelWrongPasswordsGet429sWhileHealthKeepsAnswering() throws Exception {
        TestHttp guesser = TestHttp.localhost(port).withHeader("X-Forwarded-For", "203.0.113.50")
                .as("guarded@example.org", "wrong-password");
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        ExecutorService threads = Executors.newFixedThreadPool(50);
        AtomicBoolean guessing = new AtomicBoolean(true);
        List<Long> healthMillis = new ArrayList<>();
        Future<?> health = Executors.newSingleThreadExecutor().submit(() -> {
            while (guessing.get()) {
                long start = System.nanoTime();
                assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
                healthMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        });
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            answers.add(threads.submit(() -> guesser.get("/api/conferences/lpc2017/proposals")));
        }
        int unauthorized = 0;
        int tooMany = 0;
        for (Future<TestHttp.Response> answer : answers) {
            TestHttp.Response response = answer.get();
            if (response.status() == 401) {
                unauthorized++;
            }
            else {
                assertThat(response.status()).isEqualTo(429);
                assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
                assertThat(response.contentType()).startsWith("application/problem+json");
                tooMany++;
            }
        }
        guessing.set(false);
        health.get();
        threads.shutdown();
        System.out.printf("[cfp-test] 500 parallel wrong passwords: %d checked (401), %d refused (429); "
                + "/actuator/health answered %d times meanwhile, slowest %d ms%n", unauthorized, tooMany,
                healthMillis.size(), healthMillis.stream().mapToLong(Long::longValue).max().orElse(0));
        assertThat(unauthorized).as("passwords checked: the limit, no more").isEqualTo(10);
        assertThat(tooMany).isEqualTo(490);
        assertThat(healthMillis).isNotEmpty();

        assertThat(TestHttp.localhost(port).withHeader("X-Forwarded-For", "203.0.113.51")
                .as("guarded@example.org", "guarded-secret").get("/api/conferences/lpc2017/proposals").status())
                .as("the user's own limit is spent too, from any address").isEqualTo(429);
        assertThat(TestHttp.localhost(port).withHeader("X-Forwarded-For", "203.0.113.50")
                .as(ORGANIZER, "organizer-secret").get("/api/conferences/lpc2017/proposals").status())
                .as("the guessing address's limit is spent, for any user").isEqualTo(429);
    }

    @Test
    void aClientThatSignedInKeepsWorkingWhileItsPasswordIsGuessed() {
        TestHttp signedIn = TestHttp.localhost(port).withHeader("X-Forwarded-For", "203.0.113.60")
                .as("reviewer@example.org", "reviewer-secret");
        assertThat(signedIn.get("/actuator/info").status()).as("signed in: one of the user's 10 attempts").isEqualTo(403);
        TestHttp guesser = TestHttp.localhost(port).withHeader("X-Forwarded-For", "203.0.113.61")
                .as("reviewer@example.org", "guess");
        for (int i = 0; i < 9; i++) {
            assertThat(guesser.get("/actuator/info").status()).isEqualTo(401);
        }
        assertThat(guesser.get("/actuator/info").status()).isEqualTo(429);
        assertThat(signedIn.get("/actuator/info").status()).as("remembered: no hash, no limit").isEqualTo(403);
    }

    @Test
    void theLoginFormIsLimitedToo() {
        TestHttp browser = TestHttp.localhost(port).withHeader("X-Forwarded-For", "203.0.113.70");
        for (int i = 0; i < 10; i++) {
            TestHttp.Response failed = browser.postForm("/login", "username", "decider@example.org", "password", "guess",
                    "_csrf", browser.get("/login").csrfToken());
            assertThat(failed.header("Location")).contains("error");
        }
        TestHttp.Response refused = browser.postForm("/login", "username", "decider@example.org", "password", "guess",
                "_csrf", browser.get("/login").csrfToken());
        assertThat(refused.status()).isEqualTo(429);
    }

    @Test
    void publicEndpointsDoNotCheckCredentialsTheyDoNotNeed() {
        openCall();
        TestHttp junk = TestHttp.localhost(port).withHeader("X-Forwarded-For", "203.0.113.80")
                .withHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("nobody@example.org:junk".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (int i = 0; i < 15; i++) {
            assertThat(junk.postJson("/api/conferences/lpc2017/proposals", proposal("Junk header " + i, "J", "j@example.org")).status())
                    .isEqualTo(201);
            assertThat(junk.get("/api/conferences/lpc2017").status()).isEqualTo(200);
        }
        assertThat(junk.get("/api/conferences/lpc2017/proposals").status()).as("where identity matters it is checked").isIn(401, 429);
    }
}
