package org.cfpflow.submission.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With no trusted proxy (the default), X-Forwarded-For is the client's own word and counts for nothing. */
@TestPropertySource(properties = "cfp.limits.submissions-per-minute=3")
class ForgedForwardedForTest extends SubmissionServiceTest {

    @Test
    void aForgedForwardedForFromLoopbackDoesNotEscapeTheLimit() {
        openCall();
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous.withHeader("X-Forwarded-For", "203.0.113." + i)
                    .postJson("/api/conferences/lpc2017/proposals", proposal("Forged " + i, "F", "f@example.org")).status()).isEqualTo(201);
        }
        TestHttp.Response refused = anonymous.withHeader("X-Forwarded-For", "198.51.100.99")
                .postJson("/api/conferences/lpc2017/proposals", proposal("Forged again", "F", "f@example.org"));
        assertThat(refused.status()).isEqualTo(429);
    }
}
