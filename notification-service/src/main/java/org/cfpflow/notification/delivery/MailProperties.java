package org.cfpflow.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cfp.mail.*}: the sender address; retries (first after {@code initial-backoff}, doubling up to
 * {@code max-backoff}, given up after {@code give-up-after}); the window in which moves of one talk make one e-mail;
 * how many SMTP connections send in parallel, each a batch; how often an unreachable SMTP server is tried again; and
 * how long an outcome is retried while the store is away (keep it well under the claim lease).
 * <p>
 * A crashed sender's claims wait for the lease to run out, so it is short; a batch stops sending once a third of its
 * lease is left. Every {@code scan-interval} (up to a quarter sooner, at random, like the outbox relays' searches),
 * once no mail was sent for {@code scan-quiet-period} or one interval later at the latest, the sender also searches
 * the store for anything else due: a search through every notification, which holds the collection while it runs
 * in the local store, so seldom.
 */
@ConfigurationProperties("cfp.mail")
public record MailProperties(@DefaultValue("CfP Flow <cfp@localhost>") String from,
                             @DefaultValue("30s") Duration initialBackoff,
                             @DefaultValue("30m") Duration maxBackoff,
                             @DefaultValue("6h") Duration giveUpAfter,
                             @DefaultValue("2m") Duration rescheduleWindow,
                             @DefaultValue("4") int connections,
                             @DefaultValue("50") int batchSize,
                             @DefaultValue("1s") Duration pollInterval,
                             @DefaultValue("30s") Duration claimLease,
                             @DefaultValue("5s") Duration probeInterval,
                             @DefaultValue("20s") Duration recordRetry,
                             @DefaultValue("5m") Duration scanInterval,
                             @DefaultValue("10s") Duration scanQuietPeriod) {

    /** The wait before attempt {@code attempts + 1}: doubling from the initial back-off, capped. */
    Duration backoffAfter(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
