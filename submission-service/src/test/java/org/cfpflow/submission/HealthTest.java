package org.cfpflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

class HealthTest extends SubmissionServiceTest {

    @Test
    void reportsHealthyWithKafkaAndMongo() {
        TestHttp.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }
}
