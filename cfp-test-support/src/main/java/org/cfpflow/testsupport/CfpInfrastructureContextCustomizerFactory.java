package org.cfpflow.testsupport;

import java.util.List;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Points the Spring context of a {@link CfpInfrastructure} test at the running infrastructure. */
class CfpInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        CfpInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                CfpInfrastructure.class);
        return annotation == null ? null : new InfrastructureProperties(annotation.value().resolve());
    }

    /** Equal for equal modes, so that Spring's context cache shares a context between test classes. */
    private static final class InfrastructureProperties implements ContextCustomizer {

        private final InfrastructureMode mode;

        InfrastructureProperties(InfrastructureMode mode) {
            this.mode = mode;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure infrastructure = Infrastructures.get(mode);
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("cfpTestInfrastructure", infrastructure.springProperties(
                            context.getEnvironment().getProperty("spring.application.name", "application"))));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureProperties that && that.mode == mode;
        }

        @Override
        public int hashCode() {
            return Objects.hash(mode);
        }
    }
}
