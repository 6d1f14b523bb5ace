package org.cfpflow.testsupport;

import java.util.EnumMap;
import java.util.Map;

/** One running infrastructure per mode and JVM, started on first use and stopped when the JVM ends. */
final class Infrastructures {

    private static final Map<InfrastructureMode, TestInfrastructure> RUNNING = new EnumMap<>(InfrastructureMode.class);

    private Infrastructures() {
    }

    static synchronized TestInfrastructure get(InfrastructureMode requested) {
        InfrastructureMode mode = requested.resolve();
        return RUNNING.computeIfAbsent(mode, m -> {
            TestInfrastructure started = m == InfrastructureMode.CONTAINERS
                    ? ContainerInfrastructure.start()
                    : EmbeddedInfrastructure.start();
            System.out.println("[cfp-test] infrastructure: " + started.description());
            return started;
        });
    }
}
