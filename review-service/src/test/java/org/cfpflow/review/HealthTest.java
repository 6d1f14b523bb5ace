package org.cfpflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfpflow.testsupport.ApiDocs;
import org.junit.jupiter.api.Test;

class HealthTest extends ReviewServiceTest {

    @Test
    void reportsHealthyWithKafkaAndMongoAndAsksEveryoneElseToSignIn() {
        assertThat(anonymous.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/api/conferences/lpc2017/reviews/queue").status()).isEqualTo(401);
        assertThat(anonymous.as("alice@example.org", "wrong").get("/api/conferences/lpc2017/reviews/queue").status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentCoversEveryEndpoint() {
        ApiDocs.assertDocuments(anonymous, "GET /api/conferences/{c}/reviews/queue",
                "GET /api/conferences/{c}/reviews/proposals",
                "GET /api/reviews/proposals/{id}", "POST /api/reviews/proposals/{id}",
                "POST /api/reviews/proposals/{id}/decision");
    }
}
