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

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The image recipe and the compose file, read as files (no Docker engine needed): the recipe builds every module the
 * reactor lists, and the compose file is safe to expose (no demo users, its secrets required, the mailbox on this
 * host only, every image pinned, one partition count).
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
        for (String secret : List.of("CFP_ADMIN_EMAIL", "CFP_ADMIN_PASSWORD_HASH", "CFP_TOKENS_KEYS_COMPOSE",
                "CFP_MONGO_ADMIN_PASSWORD", "CFP_MONGO_SUBMISSION_PASSWORD", "CFP_MONGO_NOTIFICATION_PASSWORD")) {
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
}
