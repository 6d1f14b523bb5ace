package org.cfpflow.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cfp.kafka.*}: who the service is on the broker. With {@code security-protocol} {@code SASL_PLAINTEXT} (or
 * {@code SASL_SSL}) it signs in with SCRAM-SHA-512 as {@code username} (the service's name, which the broker's
 * access rules know) and {@code password} ({@code CFP_KAFKA_PASSWORD}); {@code PLAINTEXT}, the default, is for a
 * broker without identities. The shared defaults put these into {@code spring.kafka.properties}, which every Kafka
 * client of the service uses, the binder's included.
 */
@ConfigurationProperties("cfp.kafka")
public record KafkaIdentity(String username, String password, @DefaultValue("PLAINTEXT") String securityProtocol) {

    public KafkaIdentity {
        if (securityProtocol.startsWith("SASL_")) {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("cfp.kafka.password (CFP_KAFKA_PASSWORD) is required with "
                        + "cfp.kafka.security-protocol=" + securityProtocol);
            }
            // the shared defaults quote it in a JAAS line, where these two would need escaping
            if (password.contains("\"") || password.contains("\\")) {
                throw new IllegalArgumentException("cfp.kafka.password (CFP_KAFKA_PASSWORD) must not contain \" or \\"
                        + " (openssl rand -base64 24 makes one that doesn't)");
            }
        }
        else if (!securityProtocol.equals("PLAINTEXT") && !securityProtocol.equals("SSL")) {
            throw new IllegalArgumentException("cfp.kafka.security-protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or "
                    + "SASL_SSL, not " + securityProtocol);
        }
    }
}
