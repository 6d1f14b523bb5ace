package org.cfpflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cfpflow.events.KafkaAccess;
import org.cfpflow.events.ServiceTopics;
import org.cfpflow.events.Topics;
import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.InfrastructureMode;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each service's principal on a broker with SASL/SCRAM and Kafka's standard authorizer: it may write only the topics
 * it owns and its dead-letter topics, read only what it consumes, in its own group only. A forged
 * {@code ProposalAccepted} from anyone but the review-service is refused.
 */
@CfpInfrastructure(InfrastructureMode.EMBEDDED)
class KafkaAccessTest {

    private static final List<String> TOPICS = List.of(Topics.CONFERENCE, Topics.PROPOSALS, Topics.DECISIONS,
            Topics.SCHEDULE, Topics.NOTIFICATIONS);

    @ParameterizedTest
    @EnumSource(ServiceTopics.class)
    void writesOnlyItsOwnTopicsAndDeadLetters(ServiceTopics service, TestInfrastructure infrastructure) {
        try (KafkaProducer<String, String> producer = producer(infrastructure.kafkaClientProperties(service),
                infrastructure)) {
            for (String topic : TOPICS) {
                if (service.owns().contains(topic)) {
                    assertThat(send(producer, topic)).as(service + " writes " + topic).isNull();
                }
                else {
                    assertThat(send(producer, topic)).as(service + " writes " + topic)
                            .isInstanceOf(TopicAuthorizationException.class);
                }
            }
            for (String deadLetter : service.deadLetters()) {
                assertThat(send(producer, deadLetter)).as(service + " writes " + deadLetter).isNull();
            }
            for (ServiceTopics other : ServiceTopics.values()) {
                if (other != service) {
                    assertThat(send(producer, other.deadLetters().get(0))).isInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceTopics.class)
    void readsWhatItConsumesInItsOwnGroupOnly(ServiceTopics service, TestInfrastructure infrastructure) {
        Map<String, Object> signIn = infrastructure.kafkaClientProperties(service);
        try (KafkaConsumer<String, String> consumer = consumer(signIn, service.service(), infrastructure)) {
            for (String topic : TOPICS) {
                // committing a position needs the right to read the topic in the group
                if (service.consumes().contains(topic) || service.follows().contains(topic)) {
                    consumer.assign(List.of(new TopicPartition(topic, 0)));
                    consumer.poll(Duration.ofMillis(100));
                    commitStart(consumer, topic);
                }
                else {
                    assertThatThrownBy(() -> commitStart(consumer, topic)).as(service + " reads " + topic)
                            .isInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
        try (KafkaConsumer<String, String> consumer = consumer(signIn, "someone-else", infrastructure)) {
            assertThatThrownBy(() -> commitStart(consumer, service.consumes().get(0)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    private static void commitStart(KafkaConsumer<String, String> consumer, String topic) {
        consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)), Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(ServiceTopics.class)
    void cannotChangeTheRules(ServiceTopics service, TestInfrastructure infrastructure) {
        Map<String, Object> config = new HashMap<>(infrastructure.kafkaClientProperties(service));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.createAcls(KafkaAccess.bindings(ServiceTopics.REVIEW)).all()
                    .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ClusterAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused(TestInfrastructure infrastructure) {
        Map<String, Object> signIn = KafkaAccess.clientProperties(ServiceTopics.REVIEW.service(), "not-its-password");
        try (KafkaProducer<String, String> producer = producer(signIn, infrastructure)) {
            assertThat(send(producer, Topics.DECISIONS)).isInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> signIn, TestInfrastructure infrastructure) {
        Map<String, Object> config = new HashMap<>(signIn);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> signIn, String group,
                                                         TestInfrastructure infrastructure) {
        Map<String, Object> config = new HashMap<>(signIn);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Null when the broker acknowledged the record, else why not. */
    private static Throwable send(KafkaProducer<String, String> producer, String topic) {
        try {
            producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), "{}")).get(15, TimeUnit.SECONDS);
            return null;
        }
        catch (ExecutionException e) {
            return e.getCause();
        }
        catch (Exception e) {
            return e;
        }
    }
}
