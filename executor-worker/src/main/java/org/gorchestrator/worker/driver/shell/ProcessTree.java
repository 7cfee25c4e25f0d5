package org.gorchestrator.worker.driver.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every process one node's program runs as: the program, what it started, and what it started that left the tree.
 * A child whose parent ends is re-parented (to PID 1 or a subreaper), so after a double fork ({@code (daemon &)}) or
 * once the program has exited, its leftovers are no longer its descendants. Each of them still carries the program's
 * environment, so the program starts with a {@link #VARIABLE tag} of its own there, and {@code /proc/<pid>/environ}
 * finds them, as Jenkins' process tree killer finds a build's processes by its cookie. A process that drops the
 * variable from its environment is found only while it descends from the program.
 */
final class ProcessTree {
    /** The environment variable that tags the processes of one run of a program. */
    static final String VARIABLE = "GORCH_PROCESS_TAG";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessTree.class);
    private static final Path PROC = Path.of("/proc");
    private static final long POLL_MILLIS = 50;

    private final ProcessHandle root;
    private final byte[] entry;

    private ProcessTree(ProcessHandle root, String tag) {
        this.root = root;
        this.entry = (VARIABLE + "=" + tag).getBytes(StandardCharsets.UTF_8);
    }

    /** A new tag: the value of {@link #VARIABLE} for one program's start. */
    static String newTag() {
        return UUID.randomUUID().toString();
    }

    /** The processes of the program {@code root}, started with {@link #VARIABLE} set to {@code tag}. */
    static ProcessTree of(ProcessHandle root, String tag) {
        return new ProcessTree(root, tag);
    }

    /**
     * Ends every process of the tree still running, the program's included: SIGTERM to all, then SIGKILL to
     * survivors (and to what they started meanwhile) after {@code grace}.
     *
     * @return how many processes besides the program itself were running when it was called
     */
    int end(Duration grace) {
        // Snapshot before signalling: a child whose parent dies is re-parented and no longer listed as a descendant.
        List<ProcessHandle> tree = running(members(List.of(root)));
        tree.forEach(ProcessHandle::destroy);
        List<ProcessHandle> survivors = awaitGone(tree, grace);
        if (!survivors.isEmpty()) {
            List<ProcessHandle> toKill = members(survivors);
            toKill.forEach(ProcessHandle::destroyForcibly);
            List<ProcessHandle> left = awaitGone(toKill, grace);
            if (!left.isEmpty()) {
                LOG.warn("processes {} still run after SIGKILL", left.stream().map(ProcessHandle::pid).toList());
            }
        }
        return (int) tree.stream().filter(process -> !process.equals(root)).count();
    }

    /** {@code roots}, their descendants and every tagged process. */
    private List<ProcessHandle> members(List<ProcessHandle> roots) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        roots.forEach(r -> {
            members.add(r);
            if (isRunning(r)) { // an ended process's children were re-parented: no need to walk every process for them
                r.descendants().forEach(members::add);
            }
        });
        tagged().forEach(members::add);
        return new ArrayList<>(members);
    }

    /** The processes whose environment holds this tree's tag; none where there is no {@code /proc}. */
    private List<ProcessHandle> tagged() {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        OptionalLong last = lastPid();
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(Path::getFileName).map(Path::toString).filter(ProcessTree::isPid).mapToLong(Long::parseLong)
                    .filter(pid -> last.isEmpty() || handedOutBetween(root.pid(), pid, last.getAsLong()))
                    .filter(pid -> carriesTag(PROC.resolve(Long.toString(pid)).resolve("environ")))
                    .mapToObj(ProcessHandle::of).flatMap(Optional::stream).toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // /proc unreadable here: the descendants are all that can be found
        }
    }

    /**
     * Whether {@code pid} was handed out after {@code first} (the program's own), up to {@code last}: the kernel hands pids out in
     * increasing order, starting again from the bottom past {@code pid_max}. Only those can be the program's, so only
     * their environment is read (reading every process's costs tens of microseconds each). A process started after more
     * than a whole round of pids since the program (32,768 where {@code pid_max} is the old default) is missed.
     */
    static boolean handedOutBetween(long first, long pid, long last) {
        return last >= first ? pid > first && pid <= last : pid > first || pid <= last;
    }

    /** The pid the kernel handed out last in this PID namespace: the fifth field of {@code /proc/loadavg}. */
    private static OptionalLong lastPid() {
        try {
            String[] fields = Files.readString(PROC.resolve("loadavg")).trim().split("\\s+");
            return OptionalLong.of(Long.parseLong(fields[4]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // no such field here: every process is read
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Whether one NUL-separated entry of the environment file equals the tag's (another user's file cannot be read). */
    private boolean carriesTag(Path environ) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(environ);
        } catch (IOException | SecurityException e) {
            return false; // gone meanwhile, or another user's
        }
        for (int start = 0; start < environment.length; ) {
            int end = start;
            while (end < environment.length && environment[end] != 0) {
                end++;
            }
            if (end - start == entry.length && Arrays.equals(environment, start, end, entry, 0, entry.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
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
            String stat = Files.readString(PROC.resolve(Long.toString(process.pid())).resolve("stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc (not Linux) or the process just went
        }
    }
}
