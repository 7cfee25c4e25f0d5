package org.gorchestrator.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, from this module's directory (Maven's working directory for tests). */
final class Repository {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");

    private Repository() {
    }

    static {
        if (!Files.isDirectory(KUBERNETES)) {
            throw new IllegalStateException("run from the deploy-tests module: no " + KUBERNETES);
        }
    }
}
