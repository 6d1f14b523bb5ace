package org.cfpflow.schedule.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.cfpflow.events.Topics;
import org.cfpflow.messaging.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the other replicas of the schedule-service changed, so that a stream on any replica carries every change:
 * each replica reads {@code cfp.schedule} on its own (every partition, from the end, in no consumer group) and,
 * for a record it did not raise itself, lets {@link LiveTimetable} catch its streams up from the stored timetable.
 * Partitions added later are picked up within {@link #PARTITIONS_CHECKED_EVERY}.
 */
@Component
class OtherReplicas implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OtherReplicas.class);
    static final Duration PARTITIONS_CHECKED_EVERY = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveTimetable live;
    private final Map<String, Object> config;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean stopping;
    /** Whether the topic's partitions were looked up once since the start. */
    private boolean looked;

    OtherReplicas(LiveTimetable live, KafkaProperties kafka) {
        this.live = live;
        this.config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "schedule-service-replicas");
    }

    @Override
    public void start() {
        stopping = false;
        looked = false;
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // positioned before the replica serves: a stream opened on it must not miss what another replica raises next
        assignNewPartitions();
        thread = new Thread(this::follow, "other-replicas");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        long partitionsCheckedAt = System.nanoTime();
        try {
            while (!stopping) {
                if (System.nanoTime() - partitionsCheckedAt > PARTITIONS_CHECKED_EVERY.toNanos()
                        || consumer.assignment().isEmpty()) {
                    assignNewPartitions();
                    partitionsCheckedAt = System.nanoTime();
                }
                if (consumer.assignment().isEmpty()) {
                    // the topic does not exist yet: no replica has changed anything
                    Thread.sleep(1_000);
                    continue;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
                conferencesChangedElsewhere(records).forEach(live::catchUp);
            }
        }
        catch (WakeupException e) {
            // stopping
        }
        catch (InterruptException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException e) {
            log.error("Stopped following cfp.schedule: streams on this replica show only its own changes until it "
                    + "restarts", e);
        }
        finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Starts reading the partitions it does not read yet. Those there at the first look are read from their end: what
     * came before, a snapshot covers. Those that appear later (the topic created by a first change, partitions added)
     * are read from their beginning: everything in them came after this replica started. The position is looked up
     * now, not at the next poll, so that nothing raised in between is skipped.
     */
    private void assignNewPartitions() {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.SCHEDULE, Duration.ofSeconds(5));
            Set<TopicPartition> all = partitions == null ? Set.of() : partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toSet());
            Set<TopicPartition> added = all.stream().filter(p -> !consumer.assignment().contains(p))
                    .collect(Collectors.toSet());
            if (!added.isEmpty()) {
                consumer.assign(all);
                if (looked) {
                    consumer.seekToBeginning(added);
                }
                else {
                    consumer.seekToEnd(added);
                }
                added.forEach(p -> consumer.position(p, Duration.ofSeconds(5)));
            }
            looked = true;
        }
        catch (TimeoutException e) {
            // the broker does not answer yet: tried again on the next turn
        }
    }

    /** The conferences whose timetables the records of another replica changed. */
    private Set<String> conferencesChangedElsewhere(ConsumerRecords<byte[], byte[]> records) {
        Set<String> conferences = new LinkedHashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Header id = record.headers().lastHeader(CloudEventHeaders.ID);
            if (id == null || !live.raisedHere(new String(id.value(), StandardCharsets.UTF_8))) {
                conferenceOf(record).ifPresent(conferences::add);
            }
        }
        return conferences;
    }

    /** The {@code conferenceId} of the record's payload; none for a record that is not an event. */
    private static Optional<String> conferenceOf(ConsumerRecord<byte[], byte[]> record) {
        try {
            JsonNode conferenceId = JSON.readTree(record.value()).path("conferenceId");
            return conferenceId.isString() ? Optional.of(conferenceId.asString()) : Optional.empty();
        }
        catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            // woken, not interrupted: an interrupted consumer cannot close cleanly
            stopping = true;
            consumer.wakeup();
            try {
                running.join(10_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
