package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.cfpflow.events.Topics;
import org.cfpflow.messaging.OutboxRelay;
import org.cfpflow.messaging.PendingEvent;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

/** A 201 is a promise: the proposal's event is published once Kafka is back, however long it was away. */
class KafkaOutageTest extends SubmissionServiceTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    ProposalRepository proposals;

    @Autowired
    MeterRegistry meters;

    @Test
    void aSubmissionAcknowledgedWhileKafkaIsDownIsPublishedWhenItIsBack(TestInfrastructure infrastructure) {
        openCall();
        infrastructure.stopKafka();
        String id;
        try {
            TestHttp.Response created = submit(proposal("Submitted during an outage", "Tycho Andersen",
                    "tycho@example.org"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().path("id").asString();
            assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("SUBMITTED");
            long failuresBefore = relay.failedRunCount();
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.failedRunCount() > failuresBefore);
            assertThat(proposals.findById(id).orElseThrow().pendingEvents()).as("still pending while Kafka is down")
                    .extracting(PendingEvent::type).contains("ProposalSubmitted");
            assertThat(backlog()).as("the store's count, the relay having failed").isGreaterThanOrEqualTo(1);
        }
        finally {
            infrastructure.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(types(events(Topics.PROPOSALS, id))).contains("ProposalSubmitted"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(backlog()).isZero());
    }

    private double backlog() {
        return meters.get("cfp.outbox.backlog").tag("collection", "proposals").gauge().value();
    }
}
