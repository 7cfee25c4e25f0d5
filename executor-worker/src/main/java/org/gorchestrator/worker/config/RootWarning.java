package org.gorchestrator.worker.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start what a worker running as root risks: its nodes run with the rights it has unless they run as another user. */
final class RootWarning {
    private static final Logger LOG = LoggerFactory.getLogger(RootWarning.class);

    private RootWarning() {}

    static void logIfRoot(PolicyProperties policy) {
        if (!isRoot()) {
            return;
        }
        if (policy.runAs().isBlank()) {
            LOG.warn("the worker runs as root and gorch.worker.policy.run-as is not set: every node runs as root, may read and change"
                    + " any file of this host or container (the worker's configuration and credentials among them) and may read the"
                    + " worker's environment and command line in /proc; set gorch.worker.policy.run-as or run the worker as another user");
        } else {
            LOG.warn("the worker runs as root: nodes run as {} (gorch.worker.policy.run-as), but a flaw in a driver or a library"
                    + " of the worker itself would act as root; prefer a worker user with only the capabilities to switch users",
                    policy.runAs());
        }
    }

    /** The owner of {@code /proc/self} is the process's effective user; where there is no such file, not root as far as we know. */
    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
