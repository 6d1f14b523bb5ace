package org.cfpflow.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.cfpflow.events.ServiceTopics;

/** Running Kafka, MongoDB and SMTP servers, and the means to look into them. */
public interface TestInfrastructure {

    InfrastructureMode mode();

    /** One line for the test output: what runs where. */
    String description();

    String kafkaBootstrapServers();

    /** What a test's own Kafka client needs to sign in; it may do anything. Empty for a broker without identities. */
    default Map<String, Object> kafkaClientProperties() {
        return Map.of();
    }

    /** What a client needs to sign in as the service's own principal, with only its rights. */
    default Map<String, Object> kafkaClientProperties(ServiceTopics service) {
        return Map.of();
    }

    /** The Spring properties ({@code cfp.kafka.*}) that sign the named application in to the broker. */
    default Map<String, Object> kafkaServiceProperties(String applicationName) {
        return Map.of();
    }

    /** A MongoDB connection string without a database: each service picks its own. */
    String mongoUri();

    String smtpHost();

    int smtpPort();

    /** What the SMTP server received. */
    Mailbox mailbox();

    /** Takes the Kafka broker away (clients can no longer reach it) until {@link #startKafka()}. */
    void stopKafka();

    /** Brings the broker back at the same address, with its data. */
    void startKafka();

    /** Takes MongoDB away: connections are dropped and refused until {@link #startMongo()}. */
    void stopMongo();

    /** Brings MongoDB back at the same address, with its data. */
    void startMongo();

    /** Takes the SMTP server away: connections are refused until {@link #startSmtp()}. */
    void stopSmtp();

    /** Brings the SMTP server back at the same address. */
    void startSmtp();

    default KafkaProbe kafka() {
        return new KafkaProbe(kafkaBootstrapServers(), kafkaClientProperties());
    }

    /** The Spring properties that point the named application at this infrastructure, signed in as itself. */
    default Map<String, Object> springProperties(String applicationName) {
        Map<String, Object> properties = new HashMap<>(kafkaServiceProperties(applicationName));
        properties.putAll(Map.of(
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers(),
                "spring.mongodb.uri", mongoUri(),
                "spring.mail.host", smtpHost(),
                "spring.mail.port", smtpPort()));
        return properties;
    }
}
