package org.cfpflow.testsupport;

import java.util.Locale;

/** Which real infrastructure a test runs on. */
public enum InfrastructureMode {

    /** Whatever {@code -Dcfp.test.infra} says; {@code auto} if it says nothing. */
    CONFIGURED,
    /** Testcontainers if a Docker engine answers, else embedded. */
    AUTO,
    /** Kafka KRaft broker in the JVM, mongo-java-server, GreenMail: no Docker needed. */
    EMBEDDED,
    /** Testcontainers: apache/kafka-native, mongo, axllent/mailpit. */
    CONTAINERS;

    static final String PROPERTY = "cfp.test.infra";

    /** The mode this test runs on: never CONFIGURED or AUTO. */
    InfrastructureMode resolve() {
        InfrastructureMode mode = this;
        if (mode == CONFIGURED) {
            String configured = System.getProperty(PROPERTY, "auto").trim();
            mode = configured.isEmpty() ? AUTO : valueOf(configured.toUpperCase(Locale.ROOT));
        }
        if (mode == AUTO) {
            mode = Docker.available() ? CONTAINERS : EMBEDDED;
        }
        return mode;
    }
}
