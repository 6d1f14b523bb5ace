package org.cfpflow.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the suite does to and reads from the broker: consumer lag, poison records, duplicate storms, DLQ sizes. */
public final class KafkaFaults implements AutoCloseable {

    /** Which consumer group reads which topic (each service's {@code application.yml}). */
    static final Map<String, List<String>> GROUPS_BY_TOPIC = Map.of(
            "cfp.conference", List.of("review-service", "schedule-service", "notification-service"),
            "cfp.proposals", List.of("review-service", "schedule-service", "notification-service"),
            "cfp.decisions", List.of("submission-service", "schedule-service", "notification-service"),
            "cfp.schedule", List.of("submission-service", "review-service", "notification-service"),
            "cfp.notifications", List.of("submission-service"));
    static final List<String> GROUPS = List.of("submission-service", "review-service", "schedule-service",
            "notification-service");

    private final String bootstrap;
    private final Admin admin;

    public KafkaFaults(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(properties);
    }

    /** Records not yet consumed, over every group and every partition of the topics it reads; -1 if unknown. */
    public long lag() {
        Map<String, Long> byGroup = lagByGroup();
        return byGroup.values().stream().anyMatch(l -> l < 0) ? -1 : byGroup.values().stream().mapToLong(l -> l).sum();
    }

    /** Records not yet consumed per consumer group, over the topics it reads; -1 where unknown. */
    public Map<String, Long> lagByGroup() {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : GROUPS) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                List<String> topics = GROUPS_BY_TOPIC.entrySet().stream().filter(e -> e.getValue().contains(group))
                        .map(Map.Entry::getKey).toList();
                long lag = 0;
                for (Map.Entry<TopicPartition, Long> end : endOffsets(topics).entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += end.getValue() - (at == null ? 0 : at.offset());
                }
                lags.put(group, lag);
            }
            catch (Exception e) {
                lags.put(group, -1L);
            }
        }
        return lags;
    }

    public Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        // one listing for all of them: a topic nobody wrote to yet (a DLQ) does not exist
        java.util.Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        var described = admin.describeTopics(topics.stream().filter(existing::contains).toList()).allTopicNames()
                .get(10, TimeUnit.SECONDS);
        described.forEach((name, description) -> description.partitions()
                .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Records in each consumer's dead-letter topic: {@code <topic>.<group>.dlq}. */
    Map<String, Long> deadLetters() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (Map.Entry<String, List<String>> topic : GROUPS_BY_TOPIC.entrySet()) {
            for (String group : topic.getValue()) {
                String dlq = topic.getKey() + "." + group + ".dlq";
                counts.put(dlq, endOffsets(List.of(dlq)).values().stream().mapToLong(Long::longValue).sum());
            }
        }
        return counts;
    }

    /**
     * Writes, straight to every topic, the records no consumer can process: malformed JSON, an unknown type, no
     * CloudEvents headers at all, an oversized value, and well-formed JSON whose content is invalid. Returns how many
     * went to each topic.
     */
    int poisonEveryTopic() {
        List<ProducerRecord<String, byte[]>> poison = new ArrayList<>();
        String huge = "\"" + "x".repeat(600_000) + "\"";
        for (String topic : GROUPS_BY_TOPIC.keySet()) {
            String type = switch (topic) {
                case "cfp.conference" -> "ConferenceDefined";
                case "cfp.proposals" -> "ProposalSubmitted";
                case "cfp.decisions" -> "ProposalAccepted";
                case "cfp.schedule" -> "TalkScheduled";
                default -> "NotificationSent";
            };
            poison.add(record(topic, type, "{\"proposalId\": \"oops\", \"talk\": {"));
            poison.add(record(topic, "ProposalTeleported", "{\"proposalId\": \"" + UUID.randomUUID() + "\"}"));
            poison.add(new ProducerRecord<>(topic, null, UUID.randomUUID().toString(),
                    "{\"proposalId\": \"no headers\"}".getBytes(StandardCharsets.UTF_8), new RecordHeaders()));
            poison.add(record(topic, type, "{\"proposalId\": " + huge + "}"));
            poison.add(record(topic, type, "{\"proposalId\": \"\", \"talk\": null, \"at\": 42}"));
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            poison.forEach(producer::send);
            producer.flush();
        }
        return poison.size() / GROUPS_BY_TOPIC.size();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String type, String json) {
        RecordHeaders headers = new RecordHeaders();
        String subject = UUID.randomUUID().toString();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/fault-suite".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, subject, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Every record from the given offsets to the current end, produced again {@code times} times, headers and all. */
    int reproduce(Map<TopicPartition, Long> from, int times) throws Exception {
        Map<TopicPartition, Long> to = endOffsets(from.keySet().stream().map(TopicPartition::topic).distinct().toList());
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int copies = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
             KafkaProducer<String, byte[]> producer = producer()) {
            for (Map.Entry<TopicPartition, Long> start : from.entrySet()) {
                long end = to.getOrDefault(start.getKey(), start.getValue());
                consumer.assign(List.of(start.getKey()));
                consumer.seek(start.getKey(), start.getValue());
                long position = start.getValue();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (position < end && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() >= end) {
                            position = end;
                            break;
                        }
                        for (int i = 0; i < times; i++) {
                            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                                    record.headers()));
                            copies++;
                        }
                        position = record.offset() + 1;
                    }
                }
            }
            producer.flush();
        }
        return copies;
    }

    Map<TopicPartition, Long> endOfEveryTopic() throws Exception {
        return endOffsets(List.copyOf(GROUPS_BY_TOPIC.keySet()));
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
        return new KafkaProducer<>(properties);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
