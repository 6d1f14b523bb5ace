package org.cfpflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.cfpflow.events.Topics;
import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.MeterRegistry;
import com.mongodb.client.model.Updates;

@SpringBootTest
@CfpInfrastructure
class OutboxAndConsumerTest {


    @Autowired
    SampleRepository samples;

    @Autowired
    TallyRepository tallies;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.cloud.stream.bindings.cfpEvents-in-0.group}")
    String group;

    static KafkaProbe kafka;

    @BeforeAll
    static void probe(TestInfrastructure infrastructure) {
        kafka = infrastructure.kafka();
    }

    @Test
    void savedAggregateReachesConsumerThroughKafkaWithCloudEventHeadersAndKey() {
        Sample sample = new Sample(UUID.randomUUID().toString());
        sample.submit("Exposing resource limits to containers with LXCFS");
        samples.save(sample);

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(sample.id()), records -> records.size() == 1).get(0);
        assertThat(record.key()).isEqualTo(sample.id());
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("ProposalSubmitted");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/messaging-test");
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(sample.id());
        assertThat(KafkaProbe.header(record, "ce_id")).isNotBlank();
        assertThat(Instant.parse(KafkaProbe.header(record, "ce_time"))).isBeforeOrEqualTo(Instant.now());
        assertThat(KafkaProbe.header(record, "content-type")).isEqualTo("application/json");
        assertThat(KafkaProbe.value(record)).contains("\"title\":\"Exposing resource limits to containers with LXCFS\"",
                "\"name\":\"Stéphane Graber\"", "\"abstract\":\"An abstract\"");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tallies.findById(sample.id()))
                .hasValueSatisfying(t -> assertThat(t.handledTypes()).containsExactly("ProposalSubmitted")));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(samples.findById(sample.id()).orElseThrow().pendingEvents()).isEmpty());
        assertThat(meters.counter("cfp.events.published", "type", "ProposalSubmitted").count()).isPositive();
        assertThat(meters.counter("cfp.events.consumed", "type", "ProposalSubmitted").count()).isPositive();
        assertThat(meters.get("cfp.outbox.backlog").tag("collection", "samples").gauge().value()).isZero();
    }

    @Test
    void theBacklogIsReadWithoutAskingTheStoreWhileTheRelayKeepsUp() {
        Sample sample = new Sample(UUID.randomUUID().toString());
        sample.submit("Checkpoint/restore of containers");
        samples.save(sample);
        await().atMost(Duration.ofSeconds(30)).until(() -> samples.findById(sample.id()).orElseThrow()
                .pendingEvents().isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);

        long counts = storeCommands("aggregate");
        for (int i = 0; i < 20; i++) {
            assertThat(backlog()).isZero();
        }
        // a count of pending events reads the whole collection: one per scrape held it for 100-500 ms
        assertThat(storeCommands("aggregate")).isEqualTo(counts);
    }

    private double backlog() {
        return meters.get("cfp.outbox.backlog").tag("collection", "samples").gauge().value();
    }

    private long storeCommands(String command) {
        return meters.find("mongodb.driver.commands").tag("command", command).tag("collection", "samples").timers()
                .stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    @Test
    void eventRelayedAgainAfterACrashBetweenPublishAndRemovalIsHandledOnce() {
        Sample sample = new Sample(UUID.randomUUID().toString());
        sample.submit("AppSwitch: Application Level Network Namespacing");
        samples.save(sample);
        ConsumerRecord<String, byte[]> first = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(sample.id()), records -> records.size() == 1).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> samples.findById(sample.id()).orElseThrow()
                .pendingEvents().isEmpty());

        // The state a crash leaves behind: published, but still pending in the document.
        Document published = new Document("eventId", KafkaProbe.header(first, "ce_id"))
                .append("type", "ProposalSubmitted").append("topic", Topics.PROPOSALS).append("key", sample.id())
                .append("time", java.util.Date.from(Instant.parse(KafkaProbe.header(first, "ce_time"))))
                .append("payload", KafkaProbe.value(first));
        mongo.getCollection("samples").updateOne(Filters.eq("_id", sample.id()), Updates.push("pendingEvents", published));
        assertThat(samples.findById(sample.id()).orElseThrow().pendingEvents()).hasSize(1);

        // The relay, restarted, finds it and publishes the same event again.
        samples.save(samples.findById(sample.id()).orElseThrow());
        List<ConsumerRecord<String, byte[]>> both = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(sample.id()), records -> records.size() == 2);
        assertThat(both).extracting(r -> KafkaProbe.header(r, "ce_id")).containsOnly(KafkaProbe.header(first, "ce_id"));

        // A later event on the same partition proves the consumer has seen both copies.
        Sample marker = new Sample(UUID.randomUUID().toString());
        marker.submit("Marker");
        samples.save(marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> tallies.findById(marker.id()).isPresent());
        assertThat(tallies.findById(sample.id()).orElseThrow().handledTypes()).containsExactly("ProposalSubmitted");
    }

    @Test
    void poisonRecordsLandInTheDeadLetterTopicAndTheConsumerGoesOn() {
        String badJson = UUID.randomUUID().toString();
        kafka.send(Topics.PROPOSALS, badJson, "{\"proposalId\": \"x\", \"talk\": ".getBytes(StandardCharsets.UTF_8),
                headers(badJson, "ProposalSubmitted"));
        String unknownType = UUID.randomUUID().toString();
        kafka.send(Topics.PROPOSALS, unknownType, "{}".getBytes(StandardCharsets.UTF_8),
                headers(unknownType, "ProposalTeleported"));
        String invalid = UUID.randomUUID().toString();
        kafka.send(Topics.PROPOSALS, invalid, ("{\"conferenceId\": \"lpc2017\", \"proposalId\": \"" + invalid + "\", \"talk\": {\"title\": \" \", \"track\": \"containers\", "
                + "\"durationMinutes\": 15, \"speakers\": [{\"name\": \"A\", \"email\": \"a@example.org\"}]}, "
                + "\"submittedAt\": \"2017-09-13T14:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                headers(invalid, "ProposalSubmitted"));

        Sample next = new Sample(UUID.randomUUID().toString());
        next.submit("After the poison");
        samples.save(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> tallies.findById(next.id()).isPresent());
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.readAll(deadLetters()), records -> records.stream()
                        .filter(r -> List.of(badJson, unknownType, invalid).contains(r.key())).count() == 3);
        assertThat(deadLetters).filteredOn(r -> r.key().equals(unknownType)).singleElement()
                .satisfies(r -> assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo("ProposalTeleported"))
                .satisfies(r -> assertThat(KafkaProbe.header(r, DeadLetterRouting.REASON_HEADER))
                        .contains("unknown ce_type"));
        assertThat(deadLetters).filteredOn(r -> r.key().equals(invalid)).singleElement()
                .satisfies(r -> assertThat(KafkaProbe.header(r, DeadLetterRouting.REASON_HEADER))
                        .contains("title must not be blank"));
        assertThat(meters.counter("cfp.dlq.records", "topic", deadLetters()).count()).isGreaterThanOrEqualTo(3);
        assertThat(tallies.findById(badJson)).isEmpty();
        assertThat(tallies.findById(unknownType)).isEmpty();
        assertThat(tallies.findById(invalid)).isEmpty();
    }

    @Test
    void poisonAmongGoodRecordsHoldsNoneOfThemUp() {
        List<String> good = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String poison = UUID.randomUUID().toString();
        // written back to back, so that a batch consumer gets them in one poll: good, good, poison, good, good
        for (int i = 0; i < good.size(); i++) {
            if (i == 2) {
                kafka.send(Topics.PROPOSALS, poison, "{".getBytes(StandardCharsets.UTF_8),
                        headers(poison, "ProposalSubmitted"));
            }
            kafka.send(Topics.PROPOSALS, good.get(i), submitted(good.get(i)), headers(good.get(i), "ProposalSubmitted"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(good)
                .allSatisfy(id -> assertThat(tallies.findById(id)).hasValueSatisfying(
                        t -> assertThat(t.handledTypes()).containsExactly("ProposalSubmitted"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll(deadLetters()).stream()
                .anyMatch(r -> r.key().equals(poison)));
        assertThat(tallies.findById(poison)).isEmpty();
    }

    String deadLetters() {
        return Topics.deadLetter(Topics.PROPOSALS, group);
    }

    static byte[] submitted(String id) {
        return ("{\"conferenceId\": \"lpc2017\", \"proposalId\": \"" + id + "\", \"talk\": {\"title\": \"Good\", \"track\": \"containers\", "
                + "\"durationMinutes\": 15, \"speakers\": [{\"name\": \"A\", \"email\": \"a@example.org\"}]}, "
                + "\"submittedAt\": \"2017-09-13T14:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> headers(String id, String type) {
        return Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "/test",
                "ce_specversion", "1.0", "ce_subject", id);
    }

    private static List<ConsumerRecord<String, byte[]>> recordsFor(String key) {
        return kafka.readAll(Topics.PROPOSALS).stream().filter(r -> key.equals(r.key())).toList();
    }
}
