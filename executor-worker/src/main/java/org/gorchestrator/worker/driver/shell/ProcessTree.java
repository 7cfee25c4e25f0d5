package org.gorchestrator.worker.driver.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a process together with every process it started: SIGTERM to all, then SIGKILL to survivors after a grace. */
final class ProcessTree {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTree.class);
    private static final long POLL_MILLIS = 50;

    private ProcessTree() {}

    static void kill(ProcessHandle root, Duration grace) {
        // Snapshot before signalling: a child whose parent dies is re-parented and no longer listed as a descendant.
        List<ProcessHandle> tree = withDescendants(List.of(root));
        tree.forEach(ProcessHandle::destroy);
        List<ProcessHandle> survivors = awaitGone(tree, grace);
        if (survivors.isEmpty()) {
            return;
        }
        List<ProcessHandle> toKill = withDescendants(survivors);
        toKill.forEach(ProcessHandle::destroyForcibly);
        List<ProcessHandle> left = awaitGone(toKill, grace);
        if (!left.isEmpty()) {
            LOG.warn("processes {} still run after SIGKILL", left.stream().map(ProcessHandle::pid).toList());
        }
    }

    private static List<ProcessHandle> withDescendants(List<ProcessHandle> roots) {
        return roots.stream().flatMap(r -> Stream.concat(r.descendants(), Stream.of(r))).distinct().toList();
    }

    /** @return the processes still running when the grace is over */
    private static List<ProcessHandle> awaitGone(List<ProcessHandle> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> running = running(processes);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            running = running(running);
        }
        return running;
    }

    private static List<ProcessHandle> running(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessTree::isRunning).toList();
    }

    /**
     * A zombie counts as ended: an orphan is re-parented to PID 1, and where PID 1 does not reap
     * (some containers) it stays a zombie for good, which {@link ProcessHandle#isAlive()} reports alive.
     */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc (not Linux) or the process just went
        }
    }
}
