package org.cfpflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cfpflow.events.KafkaAccess;
import org.cfpflow.events.ServiceTopics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The image recipe and the compose file, read as files (no Docker engine needed): the recipe builds every module the
 * reactor lists, and the compose file is safe to expose (no demo users, its secrets required, the mailbox on this
 * host only, every image pinned, one partition count, each service its own Kafka identity).
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?!--from)(\\S+)\\s+\\S+\\s*$");

    @Test
    void theImageRecipeGivesTheBuildEveryModuleTheReactorLists() throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher module = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1).strip());
        }
        assertThat(modules).contains("submission-service", "cfp-e2e", "bench");

        List<String> copied = new ArrayList<>();
        Matcher copy = COPY.matcher(Files.readString(ROOT.resolve("Dockerfile")));
        while (copy.find()) {
            copied.add(copy.group(1).replaceAll("/$", ""));
        }
        List<String> ignored = Files.exists(ROOT.resolve(".dockerignore"))
                ? Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()
                : List.of();
        for (String name : modules) {
            boolean inContext = copied.contains(".") || copied.contains(name);
            boolean excluded = ignored.stream().anyMatch(pattern -> pattern.equals(name)
                    || pattern.equals(name + "/") || pattern.equals("/" + name) || pattern.equals("*"));
            assertThat(inContext && !excluded).as("module %s reaches the image's build stage", name).isTrue();
        }
        assertThat(copied.contains(".") || copied.contains("pom.xml")).as("the reactor's pom.xml is copied").isTrue();
        assertThat(ignored).as("build output and local data stay out of the build context")
                .contains("**/target/", ".cfp/", ".env");
    }

    @Test
    void theComposeFileIsSafeToExpose() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(text);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(text).as("no demo users in a deployment").doesNotContain("demo-users");
        for (String secret : List.of("CFP_ADMIN_EMAIL", "CFP_ADMIN_PASSWORD_HASH", "CFP_TOKENS_KEYS_COMPOSE", "CFP_CALENDAR_KEY",
                "CFP_MONGO_ADMIN_PASSWORD", "CFP_MONGO_SUBMISSION_PASSWORD", "CFP_MONGO_NOTIFICATION_PASSWORD",
                "CFP_KAFKA_ADMIN_PASSWORD", "CFP_KAFKA_SUBMISSION_PASSWORD", "CFP_KAFKA_REVIEW_PASSWORD",
                "CFP_KAFKA_SCHEDULE_PASSWORD", "CFP_KAFKA_NOTIFICATION_PASSWORD")) {
            assertThat(text).as("%s is required, not defaulted", secret).contains("${" + secret + ":?");
            assertThat(Files.readString(ROOT.resolve(".env.example"))).as("%s documented", secret)
                    .contains(secret + "=");
        }
        assertThat(Files.readString(ROOT.resolve(".gitignore")).lines()).as(".env stays out of git").contains(".env");

        services.forEach((name, service) -> {
            if (service.get("image") instanceof String image) {
                assertThat(image).as("%s's image is pinned to a version", name).matches(".+:v?[0-9][^:]*")
                        .doesNotEndWith(":latest");
            }
            if (service.get("ports") instanceof List<?> ports) {
                for (Object port : ports) {
                    assertThat(port.toString()).as("%s publishes on a chosen host address", name)
                            .matches("(127\\.0\\.0\\.1|\\$\\{CFP_BIND_ADDRESS:-127\\.0\\.0\\.1\\}):.+");
                }
            }
        });
        assertThat(services.get("mailpit").get("ports").toString()).contains("127.0.0.1:8025");

        @SuppressWarnings("unchecked")
        Map<String, Object> kafka = (Map<String, Object>) services.get("kafka").get("environment");
        assertThat(kafka.get("KAFKA_NUM_PARTITIONS")).as("the broker's partitions are the services'")
                .isEqualTo("${CFP_TOPIC_PARTITIONS:-6}");
        assertThat(text).contains("CFP_TOPIC_PARTITIONS: ${CFP_TOPIC_PARTITIONS:-6}");
    }

    /** Every service signs in to Kafka as itself, after kafka-access gave each its password and rules. */
    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileGivesEachServiceItsOwnKafkaIdentity() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        Map<String, Object> broker = (Map<String, Object>) services.get("kafka").get("environment");
        assertThat(broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString()).contains("CLIENT:SASL_PLAINTEXT")
                .doesNotContain("CLIENT:PLAINTEXT");
        assertThat(broker.get("KAFKA_AUTHORIZER_CLASS_NAME"))
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
        assertThat(broker.get("KAFKA_LISTENERS").toString()).as("the controller inside the container only")
                .contains("CONTROLLER://127.0.0.1:");

        Map<String, Object> access = services.get("kafka-access");
        assertThat((List<String>) access.get("entrypoint")).contains(KafkaAccess.class.getName());
        Map<String, Object> accessEnvironment = (Map<String, Object>) access.get("environment");
        for (ServiceTopics service : ServiceTopics.values()) {
            String variable = KafkaAccess.passwordVariable(service);
            assertThat(accessEnvironment.get(variable)).as("kafka-access sets %s's password", service.service())
                    .isEqualTo("${" + variable + ":?set " + variable + " in .env}");

            Map<String, Object> running = services.get(service.service());
            Map<String, Object> environment = (Map<String, Object>) running.get("environment");
            assertThat(environment.get("CFP_KAFKA_PASSWORD")).as("%s signs in with its own password", service.service())
                    .isEqualTo(accessEnvironment.get(variable));
            assertThat(environment.get("CFP_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_PLAINTEXT");
            assertThat(((Map<String, Map<String, Object>>) running.get("depends_on")).get("kafka-access"))
                    .containsEntry("condition", "service_completed_successfully");
        }
    }

    /** The topics a service reads (its application.yml) are those its Kafka identity may read. */
    @Test
    void eachServiceConsumesWhatItsKafkaIdentityMayRead() throws IOException {
        Pattern destination = Pattern.compile("(?m)^\\s+destination:\\s*(\\S+)\\s*$");
        for (ServiceTopics service : ServiceTopics.values()) {
            Matcher configured = destination.matcher(Files.readString(
                    ROOT.resolve(service.service() + "/src/main/resources/application.yml")));
            assertThat(configured.find()).as("%s names its topics", service.service()).isTrue();
            assertThat(List.of(configured.group(1).split(","))).as(service.service())
                    .containsExactlyInAnyOrderElementsOf(service.consumes());
        }
    }

    /**
     * Where the services share one class path (this module's tests, a single-process run) a page template of one
     * service would hide another's of the same name: each name is one service's.
     */
    @Test
    void noTwoServicesHaveAPageTemplateOfTheSameName() throws IOException {
        Map<String, String> owners = new java.util.HashMap<>();
        for (ServiceTopics service : ServiceTopics.values()) {
            Path templates = ROOT.resolve(service.service() + "/src/main/resources/templates");
            if (!Files.isDirectory(templates)) {
                continue;
            }
            try (var files = Files.walk(templates)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                    String name = templates.relativize(file).toString();
                    String other = owners.putIfAbsent(name, service.service());
                    assertThat(other).as("templates/%s of %s and of %s", name, service.service(), other).isNull();
                }
            }
        }
    }
}
