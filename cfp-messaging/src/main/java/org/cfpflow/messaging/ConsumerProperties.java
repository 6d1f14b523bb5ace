package org.cfpflow.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cfp.consumer.*}: how long a record that fails for a passing reason is retried before it is dead-lettered,
 * and how soon the broker gives a silent consumer's partitions to another (or to its own restart after a crash).
 */
@ConfigurationProperties("cfp.consumer")
public record ConsumerProperties(@DefaultValue("200ms") Duration initialBackOff,
                                 @DefaultValue("10s") Duration maxBackOff,
                                 @DefaultValue("15m") Duration retryFor,
                                 @DefaultValue("10s") Duration sessionTimeout) {
}
