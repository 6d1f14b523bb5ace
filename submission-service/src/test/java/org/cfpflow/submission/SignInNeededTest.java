package org.cfpflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** The API's refusal of a request without valid credentials is a problem+json like every other error, with its challenge. */
class SignInNeededTest extends SubmissionServiceTest {

    @Test
    void noCredentialsAndAWrongPasswordAreRefusedWithAProblemAndABasicChallenge() {
        TestHttp.Response none = anonymous.get("/api/conferences/" + CONFERENCE + "/proposals");
        TestHttp.Response wrong = TestHttp.localhost(port).as("organizer@example.org", "not-the-password")
                .get("/api/conferences/" + CONFERENCE + "/proposals");
        for (TestHttp.Response refused : new TestHttp.Response[] {none, wrong}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("status").asInt()).isEqualTo(401);
            assertThat(refused.json().path("detail").asString()).contains("Sign in");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic ");
        }
    }
}
