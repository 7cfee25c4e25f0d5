package org.gorchestrator.faults;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process this test JVM started (and network namespace it made), so that they are killed (deleted) even when it ends abnormally (a
 * surefire fork timeout, a test run interrupted): a broker left behind would hold its ports.
 */
final class Processes {
    private static final Set<ManagedProcess> STARTED = ConcurrentHashMap.newKeySet();
    private static final Set<NetworkCut> NETWORKS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            STARTED.forEach(ManagedProcess::close);
            NETWORKS.forEach(NetworkCut::close);
        }, "kill-cluster"));
    }

    private Processes() {}

    static void register(ManagedProcess process) {
        STARTED.add(process);
    }

    /** A namespace to delete after the processes in it are gone. */
    static void register(NetworkCut network) {
        NETWORKS.add(network);
    }
}
