package org.cfpflow.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.cfpflow.events.KafkaAccess;
import org.cfpflow.events.ServiceTopics;

/**
 * The embedded broker as a deployment runs it: clients sign in (SASL/SCRAM), Kafka's standard authorizer denies
 * what no rule allows, and each service gets its own principal with {@link KafkaAccess}'s rules. The administrator
 * signs in with PLAIN from the broker's own configuration (it must exist before any SCRAM credential does) and, for
 * the tests' own clients and test applications, with SCRAM too. Passwords are new for every test JVM.
 */
final class KafkaIdentities {

    private static final String ADMINISTRATOR = KafkaAccess.ADMINISTRATOR;

    private final String administratorPassword;
    private final Map<ServiceTopics, String> passwords;

    private KafkaIdentities(String administratorPassword, Map<ServiceTopics, String> passwords) {
        this.administratorPassword = administratorPassword;
        this.passwords = passwords;
    }

    static KafkaIdentities random() {
        Map<ServiceTopics, String> passwords = new EnumMap<>(ServiceTopics.class);
        for (ServiceTopics service : ServiceTopics.values()) {
            passwords.put(service, password());
        }
        return new KafkaIdentities(password(), passwords);
    }

    private static String password() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * SASL on the clients' listener (the test kit calls it EXTERNAL), the controller's on loopback without; the
     * broker reaches its controller as ANONYMOUS there, so that one is a super user too.
     */
    Map<String, String> brokerProperties() {
        String plain = KafkaAccess.jaasConfig(KafkaAccess.PLAIN_LOGIN, ADMINISTRATOR, administratorPassword);
        Map<String, String> properties = new HashMap<>();
        properties.put("listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", KafkaAccess.MECHANISM + ",PLAIN");
        properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        properties.put("listener.name.external.plain.sasl.jaas.config",
                plain.substring(0, plain.length() - 1) + " user_" + ADMINISTRATOR + "=\"" + administratorPassword + "\";");
        properties.put("listener.name.external.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("super.users", "User:" + ADMINISTRATOR + ";User:ANONYMOUS");
        return properties;
    }

    /** Creates the SCRAM credentials, the topics and the services' rules, as the administrator. */
    void grant(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(KafkaAccess.administratorProperties(administratorPassword));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(ADMINISTRATOR,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), administratorPassword))).all().get();
            KafkaAccess.grant(admin, passwords, 1);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("could not set up the embedded broker's identities", e.getCause());
        }
    }

    /** Client settings for the tests' own clients, which may do anything. */
    Map<String, Object> administrator() {
        return KafkaAccess.clientProperties(ADMINISTRATOR, administratorPassword);
    }

    /**
     * The Spring properties that sign a service in as itself ({@code cfp.kafka.*}); an application that is none of
     * the four (a test's own) signs in as the administrator.
     */
    Map<String, Object> service(String name) {
        String password = passwords.entrySet().stream().filter(e -> e.getKey().service().equals(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return Map.of("cfp.kafka.security-protocol", "SASL_PLAINTEXT",
                "cfp.kafka.username", password == null ? ADMINISTRATOR : name,
                "cfp.kafka.password", password == null ? administratorPassword : password);
    }

    /** The client settings of a service's principal, for a test that shows what it may and may not do. */
    Map<String, Object> clientOf(ServiceTopics service) {
        return KafkaAccess.clientProperties(service.service(), passwords.get(service));
    }
}
