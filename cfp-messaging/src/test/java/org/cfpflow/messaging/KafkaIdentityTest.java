package org.cfpflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A service's Kafka identity is checked as it starts, with the setting to fix named. */
class KafkaIdentityTest {

    private static KafkaIdentity bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("cfp.kafka", KafkaIdentity.class);
    }

    @Test
    void withoutIdentitiesNoPasswordIsNeeded() {
        assertThat(bind(Map.of("cfp.kafka.username", "review-service")).securityProtocol()).isEqualTo("PLAINTEXT");
    }

    @Test
    void saslNeedsAPassword() {
        assertThatThrownBy(() -> bind(Map.of("cfp.kafka.security-protocol", "SASL_PLAINTEXT")))
                .rootCause().hasMessageContaining("cfp.kafka.password (CFP_KAFKA_PASSWORD) is required");
    }

    @Test
    void aPasswordThatWouldBreakTheJaasLineIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("cfp.kafka.security-protocol", "SASL_SSL",
                "cfp.kafka.password", "pass\"word"))).rootCause().hasMessageContaining("must not contain");
    }

    @Test
    void anUnknownProtocolIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("cfp.kafka.security-protocol", "SASL")))
                .rootCause().hasMessageContaining("must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL");
    }

    @Test
    void aGoodIdentityBinds() {
        KafkaIdentity identity = bind(Map.of("cfp.kafka.username", "review-service",
                "cfp.kafka.password", "c2VjcmV0K3Bhc3N3b3Jk==", "cfp.kafka.security-protocol", "SASL_PLAINTEXT"));
        assertThat(identity.username()).isEqualTo("review-service");
    }
}
