package org.cfpflow.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The configuration every service shares, shipped by the modules that need it: each jar's
 * {@code META-INF/cfp/defaults.yml} (this module's: MongoDB, Kafka and the binder; cfp-platform's: shutdown,
 * health and metrics). They come after every other property source, so a service's own {@code application.yml},
 * the environment and test properties override any of them.
 */
public final class SharedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String LOCATION = "classpath*:META-INF/cfp/defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var loader = new YamlPropertySourceLoader();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                for (PropertySource<?> source : loader.load("cfp defaults " + resource.getDescription(), resource)) {
                    environment.getPropertySources().addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shared defaults " + LOCATION, e);
        }
    }

    /** After Boot's own processors, which read application.yml: the defaults then land behind it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
