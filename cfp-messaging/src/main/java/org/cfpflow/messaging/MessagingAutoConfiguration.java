package org.cfpflow.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;

/** The messaging core every service gets by depending on this module. */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class,
        afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, ConsumerProperties.class, KafkaIdentity.class})
public class MessagingAutoConfiguration {

    static final String BATCH_MODE = "spring.cloud.stream.bindings.cfpEvents-in-0.consumer.batch-mode";
    static final String NATIVE_DECODING = "spring.cloud.stream.bindings.cfpEvents-in-0.consumer.use-native-decoding";

    /** The relay's producer: whatever spring.kafka.producer says, never less than acks=all and idempotence. */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // give up on a send well before the relay's own timeout, so that a send the relay counts as failed (and
        // will repeat) is not delivered later as well
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                            MongoMappingContext mappingContext, OutboxProperties properties, MeterRegistry meters,
                            @Value("${cfp.source:/${spring.application.name:cfp}}") String source) {
        List<String> collections = mappingContext.getPersistentEntities().stream()
                .filter(entity -> Aggregate.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .toList();
        return new OutboxRelay(mongo, outboxKafkaTemplate, collections, source, properties, meters);
    }

    @Bean
    Aggregates aggregates(MongoTemplate mongo, OutboxRelay relay) {
        return new Aggregates(mongo, relay);
    }

    @Bean
    OutboxWakeUp outboxWakeUp(OutboxRelay relay) {
        return new OutboxWakeUp(relay);
    }

    /**
     * The function every service binds to the topics it consumes: a poll's records at a time, so that a handler
     * whose events change one document applies them in one write. Batch mode and native decoding are the shared
     * defaults (META-INF/cfp/defaults.yml); without native decoding Spring Cloud Function converts each JSON body to
     * byte[] on its own and drops the records it cannot convert from the batch, silently.
     */
    @Bean
    Consumer<Message<List<byte[]>>> cfpEvents(List<CfpEventHandler> handlers, MeterRegistry meters,
                                              Environment environment) {
        if (!environment.getProperty(BATCH_MODE, Boolean.class, false)
                || !environment.getProperty(NATIVE_DECODING, Boolean.class, false)) {
            throw new IllegalStateException("the event consumer needs " + BATCH_MODE + "=true and " + NATIVE_DECODING
                    + "=true: it takes a poll's records at a time and reads their bytes itself");
        }
        return new CloudEventBatchConsumer(handlers, meters);
    }

    @Bean
    DeadLetterRouting deadLetterRouting(KafkaProperties kafka, ConsumerProperties properties, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new ByteArraySerializer(), new ByteArraySerializer()));
        return new DeadLetterRouting(template, properties, meters);
    }

    @Bean
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
