package org.cfpflow.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cfp.outbox.*}: how the relay runs. It is woken on every save with pending events and publishes that
 * document by id; the full scan of the collections every {@code full-scan-interval} is the safety net for events
 * a crash left behind.
 */
@ConfigurationProperties("cfp.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("30s") Duration fullScanInterval,
                               @DefaultValue("30s") Duration maxBackOff,
                               @DefaultValue("15s") Duration sendTimeout,
                               @DefaultValue("500") int batchSize) {
}
