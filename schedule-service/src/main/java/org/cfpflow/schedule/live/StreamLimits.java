package org.cfpflow.schedule.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cfp.stream.*}: how many live streams one client address ({@code max-per-client}) and everyone together
 * ({@code max-total}) may hold open; how many changes may wait for a reader before it is dropped as too slow
 * ({@code max-pending}, no more than the change log holds, so that it can resume); after how long a stream ends
 * ({@code timeout}; the browser's EventSource reconnects and resumes from its {@code Last-Event-ID}).
 */
@ConfigurationProperties("cfp.stream")
record StreamLimits(@DefaultValue("8") int maxPerClient, @DefaultValue("1000") int maxTotal,
                    @DefaultValue("256") int maxPending, @DefaultValue("10m") Duration timeout) {
}
