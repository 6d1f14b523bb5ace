package org.cfpflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test real Kafka, MongoDB and SMTP, and points a Spring Boot test's context at them
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri}, {@code spring.mail.*}).
 * <p>
 * Which infrastructure: {@code -Dcfp.test.infra=embedded|containers|auto} (default {@code auto}: Testcontainers
 * where a Docker engine answers, else Kafka's own KRaft broker in the JVM, mongo-java-server and GreenMail). A
 * test can insist on one with {@link #value()}; it is skipped, with the reason, where that one can't run.
 * Test methods may take a {@link TestInfrastructure} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CfpInfrastructureExtension.class)
public @interface CfpInfrastructure {

    InfrastructureMode value() default InfrastructureMode.CONFIGURED;
}
