package org.cfpflow.events;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Least privilege on Kafka: each service signs in with SASL/SCRAM as its own principal ({@link ServiceTopics}) and
 * may write the topics it owns and its dead-letter topics, read the topics it consumes in its own consumer group
 * (and those it follows, in no group), and nothing else. The topics are made here, by the administrator, so that no service needs the right to create one.
 * <p>
 * As a program (compose's {@code kafka-access}, the local run) it reads the environment: {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code CFP_TOPIC_PARTITIONS}, {@code CFP_KAFKA_ADMIN_PASSWORD} and each service's {@code CFP_KAFKA_<SERVICE>_PASSWORD}
 * ({@code CFP_KAFKA_SUBMISSION_PASSWORD}, ...).
 */
public final class KafkaAccess {

    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The broker's administrator: a super user, signing in with PLAIN from the broker's own configuration. */
    public static final String ADMINISTRATOR = "admin";
    public static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final int ITERATIONS = 8192;

    private KafkaAccess() {
    }

    public static void main(String[] args) {
        Map<ServiceTopics, String> passwords = new EnumMap<>(ServiceTopics.class);
        for (ServiceTopics service : ServiceTopics.values()) {
            passwords.put(service, required(passwordVariable(service)));
        }
        Map<String, Object> config = new HashMap<>(administratorProperties(required("CFP_KAFKA_ADMIN_PASSWORD")));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, required("KAFKA_BOOTSTRAP_SERVERS"));
        int partitions = Integer.parseInt(System.getenv().getOrDefault("CFP_TOPIC_PARTITIONS", "1"));
        try (Admin admin = Admin.create(config)) {
            grant(admin, passwords, partitions);
        }
        System.out.println("Kafka: each service signs in as itself; " + ServiceTopics.allTopics().size()
                + " topics of " + partitions + " partitions; each service's rules granted");
    }

    /** The environment variable with the service's Kafka password, e.g. {@code CFP_KAFKA_REVIEW_PASSWORD}. */
    public static String passwordVariable(ServiceTopics service) {
        return "CFP_KAFKA_" + service.name() + "_PASSWORD";
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            System.err.println(variable + " is not set: KafkaAccess needs the broker's address, the administrator's "
                    + "password and each service's");
            System.exit(2);
        }
        return value.strip();
    }

    /** What {@code principal} may do: Kafka's standard authorizer denies everything not listed. */
    public static List<AclBinding> bindings(ServiceTopics service) {
        String principal = "User:" + service.service();
        List<AclBinding> bindings = new ArrayList<>();
        service.owns().forEach(topic -> bindings.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.WRITE)));
        service.deadLetters().forEach(dlq -> bindings.add(allow(principal, ResourceType.TOPIC, dlq, AclOperation.WRITE)));
        service.consumes().forEach(topic -> bindings.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.READ)));
        service.follows().forEach(topic -> bindings.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.READ)));
        bindings.add(allow(principal, ResourceType.GROUP, service.service(), AclOperation.READ));
        return bindings;
    }

    private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /**
     * Gives every service its password, makes every topic with {@code partitions} partitions (those that exist are
     * left as they are) and grants the access above. Safe to run again: a second run changes only the passwords.
     */
    public static void grant(Admin admin, Map<ServiceTopics, String> passwords, int partitions) {
        try {
            List<UserScramCredentialUpsertion> credentials = passwords.entrySet().stream()
                    .map(e -> new UserScramCredentialUpsertion(e.getKey().service(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), e.getValue()))
                    .toList();
            admin.alterUserScramCredentials(List.copyOf(credentials)).all().get();
            for (String topic : ServiceTopics.allTopics()) {
                createIfAbsent(admin, new NewTopic(topic, Optional.of(partitions), Optional.empty()));
            }
            List<AclBinding> bindings = new ArrayList<>();
            for (ServiceTopics service : ServiceTopics.values()) {
                bindings.addAll(bindings(service));
            }
            admin.createAcls(bindings).all().get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("could not grant the services their Kafka access: " + e.getCause(),
                    e.getCause());
        }
    }

    private static void createIfAbsent(Admin admin, NewTopic topic) throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(topic)).all().get();
        }
        catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The client settings that sign in as {@code username} with SCRAM. */
    public static Map<String, Object> clientProperties(String username, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig("org.apache.kafka.common.security.scram.ScramLoginModule",
                username, password));
        return properties;
    }

    /** The client settings that sign in as the administrator, who needs no SCRAM credential to exist yet. */
    public static Map<String, Object> administratorProperties(String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(PLAIN_LOGIN, ADMINISTRATOR, password));
        return properties;
    }

    /** A JAAS line for a client's login module, its values quoted and escaped. */
    public static String jaasConfig(String loginModule, String username, String password) {
        return loginModule + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
