package org.gorchestrator.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One operating-system process of the cluster, started again with the same command as often as a
 * scenario asks, its output appended to one log file. It remembers the pids of the programs its
 * runs started (nodes of a worker): a process killed with SIGKILL leaves its children running, and
 * {@link #close()} ends them by pid.
 */
final class ManagedProcess implements AutoCloseable {
    private final String name;
    private final List<String> command;
    private final Path log;
    private final Set<ProcessHandle> orphans = new HashSet<>();
    private Process process;

    ManagedProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        if (alive()) {
            throw new IllegalStateException(name + " already runs");
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        Processes.register(this);
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** The programs this process runs at the moment (a worker's nodes), without their own children. */
    synchronized List<ProcessHandle> children() {
        return alive() ? process.children().toList() : List.of();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker. */
    synchronized void kill() {
        if (!alive()) {
            return;
        }
        process.descendants().forEach(orphans::add);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM and a wait for the process to finish its shutdown; SIGKILL if it has not after {@code grace}. */
    synchronized void terminate(Duration grace) {
        if (!alive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        kill();
        orphans.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        orphans.clear();
    }

    @Override
    public String toString() {
        return name + (alive() ? " (pid " + process.pid() + ")" : " (stopped)");
    }
}
