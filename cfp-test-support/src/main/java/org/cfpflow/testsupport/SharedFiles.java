package org.cfpflow.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project's {@code shared/} folder (specs, datasets), which lives beside the repository. */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** The file under {@code shared/}, looked for beside this folder and its parents; empty where there is none. */
    public static Optional<Path> find(String relativePath) {
        String configured = System.getProperty("cfp.shared.dir", System.getenv("CFP_SHARED_DIR"));
        if (configured != null) {
            Path candidate = Path.of(configured).resolve(relativePath);
            return Files.exists(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relativePath);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
