package org.cfpflow.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cfp.outbox.*}: how the relay runs. It is woken on every save with pending events; the poll is only the
 * safety net for events left by a crash.
 */
@ConfigurationProperties("cfp.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("30s") Duration maxBackOff,
                               @DefaultValue("15s") Duration sendTimeout,
                               @DefaultValue("500") int batchSize) {
}
