package org.cfpflow.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/** The same servers as production, from Docker images: Kafka (native image), MongoDB, Mailpit. */
final class ContainerInfrastructure implements TestInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";
    static final String MAILPIT_IMAGE = "axllent/mailpit:latest";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;
    private final GenericContainer<?> mailpit;
    private final Mailbox mailbox;

    private ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo, GenericContainer<?> mailpit) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.mailpit = mailpit;
        this.mailbox = new MailpitMailbox("http://" + mailpit.getHost() + ":" + mailpit.getMappedPort(8025));
    }

    static ContainerInfrastructure start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE));
        GenericContainer<?> mailpit = new GenericContainer<>(DockerImageName.parse(MAILPIT_IMAGE))
                .withExposedPorts(1025, 8025);
        kafka.start();
        mongo.start();
        mailpit.start();
        // Testcontainers' Ryuk removes the containers when this JVM ends
        return new ContainerInfrastructure(kafka, mongo, mailpit);
    }

    @Override
    public InfrastructureMode mode() {
        return InfrastructureMode.CONTAINERS;
    }

    @Override
    public String description() {
        return "CONTAINERS (Testcontainers): " + KAFKA_IMAGE + " at " + kafkaBootstrapServers() + ", " + MONGO_IMAGE
                + " at " + mongoUri() + ", " + MAILPIT_IMAGE + " SMTP at " + smtpHost() + ":" + smtpPort();
    }

    /** Pausing keeps the container, its data and its port: to clients the broker is simply gone. */
    @Override
    public void stopKafka() {
        kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void startKafka() {
        kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void stopMongo() {
        mongo.getDockerClient().pauseContainerCmd(mongo.getContainerId()).exec();
    }

    @Override
    public void startMongo() {
        mongo.getDockerClient().unpauseContainerCmd(mongo.getContainerId()).exec();
    }

    @Override
    public void stopSmtp() {
        mailpit.getDockerClient().pauseContainerCmd(mailpit.getContainerId()).exec();
    }

    @Override
    public void startSmtp() {
        mailpit.getDockerClient().unpauseContainerCmd(mailpit.getContainerId()).exec();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return "mongodb://" + mongo.getHost() + ":" + mongo.getMappedPort(27017);
    }

    @Override
    public String smtpHost() {
        return mailpit.getHost();
    }

    @Override
    public int smtpPort() {
        return mailpit.getMappedPort(1025);
    }

    @Override
    public Mailbox mailbox() {
        return mailbox;
    }
}
