package org.cfpflow.e2e;

import java.net.URL;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cfpflow.testsupport.SettableClock;
import org.cfpflow.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The four services in one JVM, each its own Spring context with its own configuration file, database, consumer
 * group, Kafka principal and port, on the test's real infrastructure.
 */
final class RunningSystem implements AutoCloseable {

    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    /** Every service's clock: real time until a test moves it forward (to the day reminders are due, say). */
    final SettableClock clock = new SettableClock();

    /** The four services: submission, review, schedule, notification. */
    static RunningSystem all(TestInfrastructure infrastructure) {
        Map<String, Class<?>> applications = new LinkedHashMap<>();
        applications.put("submission", org.cfpflow.submission.SubmissionApplication.class);
        applications.put("review", org.cfpflow.review.ReviewApplication.class);
        applications.put("schedule", org.cfpflow.schedule.ScheduleApplication.class);
        applications.put("notification", org.cfpflow.notification.NotificationApplication.class);
        return start(infrastructure, applications);
    }

    static RunningSystem start(TestInfrastructure infrastructure, Map<String, Class<?>> applications) {
        RunningSystem system = new RunningSystem();
        applications.forEach((name, application) -> {
            Map<String, Object> properties = new HashMap<>(infrastructure.springProperties(name + "-service"));
            properties.put("spring.config.location", ownConfiguration(application));
            properties.put("spring.config.additional-location", "classpath:/e2e-users.yml");
            properties.put("server.port", 0);
            properties.put("spring.main.banner-mode", "off");
            properties.put("cfp.mail.poll-interval", "200ms");
            properties.put("cfp.consumer.retry-for", "10s");
            properties.put("cfp.schedule.unconfirmed-every", "1s");
            // as command-line arguments: they must win over each service's own application.yml
            String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                    .toArray(String[]::new);
            system.services.put(name, new SpringApplicationBuilder(application)
                    .initializers(context -> ((GenericApplicationContext) context).registerBean("settableClock",
                            Clock.class, () -> system.clock, definition -> definition.setPrimary(true)))
                    .run(arguments));
        });
        return system;
    }

    /** Every service jar has an application.yml at its root: point each context at its own. */
    private static String ownConfiguration(Class<?> application) {
        URL location = application.getProtectionDomain().getCodeSource().getLocation();
        String path = location.toString();
        return path.endsWith(".jar") ? "jar:" + path + "!/application.yml" : path + "application.yml";
    }

    String url(String service) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) services.get(service)).getWebServer().getPort();
    }

    /** A setting as the service's context resolved it. */
    String property(String service, String key) {
        return services.get(service).getEnvironment().getProperty(key);
    }

    @Override
    public void close() {
        services.values().forEach(ConfigurableApplicationContext::close);
    }
}
