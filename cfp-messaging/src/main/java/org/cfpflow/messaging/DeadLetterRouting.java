package org.cfpflow.messaging;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cfpflow.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Retry and dead-lettering in the listener container rather than the binder: one binding consumes several
 * topics, and each gets its own {@code <topic>.<group>.dlq}. Poison goes there at once; anything else (the store
 * is down, say) is retried with back-off for {@code cfp.consumer.retry-for} before it is dead-lettered too.
 */
public class DeadLetterRouting implements ListenerContainerWithDlqAndRetryCustomizer {

    /** Why the record was dead-lettered, in words. */
    public static final String REASON_HEADER = "cfp_dlq_reason";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRouting.class);

    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final ConsumerProperties properties;
    private final MeterRegistry meters;

    DeadLetterRouting(KafkaOperations<byte[], byte[]> deadLetters, ConsumerProperties properties, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, e) -> {
            String dlq = Topics.deadLetter(record.topic(), group);
            log.warn("Dead-lettering {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), dlq,
                    reason(e));
            meters.counter("cfp.dlq.records", "topic", dlq).increment();
            return new TopicPartition(dlq, -1);
        });
        // the exception headers Spring adds describe the listener's wrapper; say what was wrong with the record
        recoverer.addHeadersFunction((record, e) -> new RecordHeaders(new Header[] {
                new RecordHeader(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8))}));
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, transientBackOff());
        errorHandler.addNotRetryableExceptions(PoisonRecordException.class);
        container.setCommonErrorHandler(errorHandler);
        // Kafka's default (45 s) keeps a killed consumer's partitions unread that long after its restart
        container.getContainerProperties().getKafkaConsumerProperties().setProperty("session.timeout.ms",
                Long.toString(properties.sessionTimeout().toMillis()));
    }

    /** The message of the innermost exception that says something: the poison's reason, or the failure's cause. */
    static String reason(Throwable e) {
        String reason = e.toString();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PoisonRecordException) {
                return cause.getMessage();
            }
            if (cause.getMessage() != null) {
                reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return reason;
    }

    private BackOff transientBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.initialBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.maxBackOff().toMillis());
        backOff.setMaxElapsedTime(properties.retryFor().toMillis());
        return backOff;
    }
}
