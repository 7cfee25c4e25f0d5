package org.gorchestrator.faults;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.gorchestrator.faults.Cluster.Topology;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the scenarios a running cluster of the topology they need. Starting ten JVMs on two cores is
 * most of a scenario's cost, so a cluster is reused by the next scenario of its topology, after whatever
 * was stopped has been started again; a scenario that failed takes its cluster with it, so the next one
 * starts clean.
 */
final class Clusters implements AfterTestExecutionCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(Clusters.class);
    private static final Path ROOT = Path.of("target", "faults").toAbsolutePath();

    private Cluster current;

    Cluster get(Topology topology) {
        if (current != null && current.topology().equals(topology) && restored()) {
            return current;
        }
        discard();
        String name = "cluster-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        LOG.info("Starting a cluster of {} in {}", topology, ROOT.resolve(name));
        current = Cluster.start(topology, ROOT.resolve(name));
        return current;
    }

    private boolean restored() {
        try {
            current.restoreAll();
            return current.healthy();
        } catch (RuntimeException e) {
            LOG.warn("The cluster could not be restored after the last scenario; starting a new one", e);
            return false;
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            discard();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        discard();
    }

    private void discard() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
