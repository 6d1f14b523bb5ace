package org.cfpflow.submission.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

class ObservabilityTest extends SubmissionServiceTest {

    private int readiness() {
        return anonymous.get("/actuator/health/readiness").status();
    }

    @Test
    void readinessGoesDownWithTheBrokerOrTheStoreAndUpWhenTheyAreBack(TestInfrastructure infrastructure) {
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);

        infrastructure.stopKafka();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 503);
            assertThat(anonymous.get("/actuator/health/readiness").json().path("components").path("binders")
                    .path("status").asString()).isEqualTo("DOWN");
            assertThat(anonymous.get("/actuator/health/liveness").status()).as("alive all the same").isEqualTo(200);
        }
        finally {
            infrastructure.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);

        infrastructure.stopMongo();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 503);
            assertThat(anonymous.get("/actuator/health/readiness").json().path("components").path("mongo")
                    .path("status").asString()).isEqualTo("DOWN");
        }
        finally {
            infrastructure.startMongo();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);
    }

    @Test
    void theDomainsFiguresAreInPrometheusForOrganizers() {
        openCall();
        assertThat(submit(proposal("Counted", "C", "c@example.org")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            TestHttp.Response metrics = admin.get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("cfp_events_published_total{type=\"ProposalSubmitted\"}",
                    "cfp_outbox_backlog{collection=\"proposals\"}", "cfp_outbox_failed_runs_total",
                    "jvm_memory_used_bytes", "http_server_requests_seconds_count", "kafka_");
        });
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void theTraceOfASubmissionTravelsWithItsEvent() {
        openCall();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = anonymous.postJson("/api/conferences/lpc2017/proposals", proposal("Traced", "T", "t@example.org"),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").json().path("id").asString();

        ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(30))
                .until(() -> events("cfp.proposals", id), records -> !records.isEmpty()).get(0);
        assertThat(KafkaProbe.header(event, "traceparent")).startsWith("00-" + traceId + "-");
    }
}
