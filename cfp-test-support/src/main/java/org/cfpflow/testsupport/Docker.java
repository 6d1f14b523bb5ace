package org.cfpflow.testsupport;

import org.testcontainers.DockerClientFactory;

/** Asks once per JVM whether a Docker engine answers (a docker client alone is not enough). */
final class Docker {

    private static volatile Boolean available;

    private Docker() {
    }

    static boolean available() {
        if (available == null) {
            synchronized (Docker.class) {
                if (available == null) {
                    boolean answered;
                    try {
                        answered = DockerClientFactory.instance().isDockerAvailable();
                    }
                    catch (RuntimeException | LinkageError e) {
                        answered = false;
                    }
                    available = answered;
                }
            }
        }
        return available;
    }
}
