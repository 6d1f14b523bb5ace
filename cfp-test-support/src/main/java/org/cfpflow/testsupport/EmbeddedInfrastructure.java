package org.cfpflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.cfpflow.events.ServiceTopics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import kafka.server.BrokerServer;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Real servers without Docker: Kafka's KRaft broker in this JVM, mongo-java-server, GreenMail. */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final KafkaIdentities identities;
    private final MongoServer mongo;
    private final InetSocketAddress mongoAddress;
    /** Services reach the store through this, so that a test can take the store away without losing its data. */
    private final TcpProxy mongoProxy;
    private final ServerSetup smtpSetup;
    private volatile GreenMail smtp;
    private final Mailbox mailbox;

    private EmbeddedInfrastructure(EmbeddedKafkaKraftBroker kafka, KafkaIdentities identities, MongoServer mongo,
                                   InetSocketAddress mongoAddress, ServerSetup smtpSetup) {
        this.kafka = kafka;
        this.identities = identities;
        this.mongo = mongo;
        this.mongoAddress = mongoAddress;
        this.mongoProxy = TcpProxy.to(mongoAddress);
        this.smtpSetup = smtpSetup;
        this.smtp = greenMail(smtpSetup);
        // messages received before a restart of the server stay readable
        this.mailbox = new GreenMailMailbox(() -> smtp);
    }

    private static GreenMail greenMail(ServerSetup setup) {
        GreenMail greenMail = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return greenMail;
    }

    static EmbeddedInfrastructure start() {
        // a fixed port, so that a stopped broker comes back where its clients look for it
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1).kafkaPorts(freePort());
        KafkaIdentities identities = KafkaIdentities.random();
        Map<String, String> broker = new HashMap<>(identities.brokerProperties());
        broker.putAll(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "1",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.brokerProperties(broker);
        kafka.afterPropertiesSet();
        identities.grant(kafka.getBrokersAsString());

        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongo.bind();

        ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(kafka, identities, mongo, mongoAddress, smtp);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "cfp-test-infrastructure-stop"));
        return infrastructure;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stopKafka() {
        for (BrokerServer broker : kafka.getCluster().brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Override
    public void startKafka() {
        kafka.getCluster().brokers().values().forEach(BrokerServer::startup);
    }

    @Override
    public void stopMongo() {
        mongoProxy.cut();
    }

    @Override
    public void startMongo() {
        mongoProxy.restore();
    }

    @Override
    public synchronized void stopSmtp() {
        ((GreenMailMailbox) mailbox).keep(smtp);
        smtp.stop();
    }

    @Override
    public synchronized void startSmtp() {
        smtp = greenMail(smtpSetup);
    }

    private void stop() {
        smtp.stop();
        mongo.shutdownNow();
        kafka.destroy();
    }

    @Override
    public InfrastructureMode mode() {
        return InfrastructureMode.EMBEDDED;
    }

    @Override
    public String description() {
        return "EMBEDDED (no Docker engine needed): Apache Kafka KRaft broker in the JVM at " + kafkaBootstrapServers()
                + " (SASL/SCRAM, each service its own principal and ACLs)"
                + ", mongo-java-server at " + mongoUri() + ", GreenMail SMTP at " + smtpHost() + ":" + smtpPort();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public Map<String, Object> kafkaClientProperties() {
        return identities.administrator();
    }

    @Override
    public Map<String, Object> kafkaClientProperties(ServiceTopics service) {
        return identities.clientOf(service);
    }

    @Override
    public Map<String, Object> kafkaServiceProperties(String applicationName) {
        return identities.service(applicationName);
    }

    @Override
    public String mongoUri() {
        // fail fast when a test takes the store away, instead of the driver's 30 s
        return "mongodb://127.0.0.1:" + mongoProxy.port() + "/?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000";
    }

    @Override
    public String smtpHost() {
        return smtpSetup.getBindAddress();
    }

    @Override
    public int smtpPort() {
        return smtpSetup.getPort();
    }

    @Override
    public Mailbox mailbox() {
        return mailbox;
    }
}
