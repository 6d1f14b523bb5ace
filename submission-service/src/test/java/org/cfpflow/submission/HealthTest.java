package org.cfpflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.ApiDocs;
import org.junit.jupiter.api.Test;

class HealthTest extends SubmissionServiceTest {

    @Test
    void reportsHealthyWithKafkaAndMongo() {
        TestHttp.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentCoversEveryEndpoint() {
        ApiDocs.assertDocuments(anonymous, "GET /api/conferences", "GET /api/conferences/{c}",
                "PUT /api/conferences/{c}", "POST /api/conferences/{c}/proposals", "GET /api/conferences/{c}/proposals",
                "GET /api/proposals/{id}", "PUT /api/proposals/{id}",
                "POST /api/proposals/{id}/withdraw", "POST /api/proposals/{id}/confirm",
                "POST /api/proposals/{id}/decline", "GET /api/proposals/{id}/timeline");
    }
}
