package org.cfpflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CfpInfrastructure
class ScheduleHealthTest {

    @LocalServerPort
    int port;

    @Test
    void reportsHealthyWithKafkaAndMongo() {
        TestHttp.Response health = TestHttp.localhost(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }
}
