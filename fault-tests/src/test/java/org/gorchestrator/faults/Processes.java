package org.gorchestrator.faults;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process this test JVM started, so that they are killed even when it ends abnormally (a
 * surefire fork timeout, a test run interrupted): a broker left behind would hold its ports.
 */
final class Processes {
    private static final Set<ManagedProcess> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(ManagedProcess::close), "kill-cluster"));
    }

    private Processes() {}

    static void register(ManagedProcess process) {
        STARTED.add(process);
    }
}
