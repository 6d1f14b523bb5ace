package org.cfpflow.testsupport;

import java.util.Map;

/** Running Kafka, MongoDB and SMTP servers, and the means to look into them. */
public interface TestInfrastructure {

    InfrastructureMode mode();

    /** One line for the test output: what runs where. */
    String description();

    String kafkaBootstrapServers();

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
        return new KafkaProbe(kafkaBootstrapServers());
    }

    /** The Spring properties that point a service at this infrastructure. */
    default Map<String, Object> springProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers(),
                "spring.mongodb.uri", mongoUri(),
                "spring.mail.host", smtpHost(),
                "spring.mail.port", smtpPort());
    }
}
