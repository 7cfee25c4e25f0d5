package org.gorchestrator.worker.driver.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
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

    private static final byte[] PREFIX = (VARIABLE + "=").getBytes(StandardCharsets.UTF_8);

    private final ProcessHandle root;
    private final String tag;

    private ProcessTree(ProcessHandle root, String tag) {
        this.root = root;
        this.tag = tag;
    }

    /**
     * A new tag: the value of {@link #VARIABLE} for one program's start. It names the worker's own process (pid and
     * start time), so that a worker started later can tell a dead worker's leftovers from a live one's ({@link #endOrphans}).
     */
    static String newTag() {
        ProcessHandle worker = ProcessHandle.current();
        return worker.pid() + "." + startMillis(worker) + "." + UUID.randomUUID();
    }

    /**
     * Ends the tagged processes of workers that are gone: a worker killed outright (SIGKILL, a crash, the machine's OOM
     * killer) cannot end its nodes' processes, and its commands run again elsewhere or after its restart. Ended here
     * before this worker takes commands, an attempt never runs twice at once on this host.
     *
     * @return how many processes were ended
     */
    static int endOrphans(Duration grace) {
        // Their children are tagged too, so the scan found them: survivors need no widening.
        List<ProcessHandle> orphans = scan(pid -> true, tag -> !ownerRuns(tag));
        stop(orphans, grace, UnaryOperator.identity());
        return orphans.size();
    }

    /** Whether the worker a tag names still runs: the same pid, started at the same time (a pid is reused). */
    private static boolean ownerRuns(String tag) {
        String[] parts = tag.split("\\.", 3);
        if (parts.length != 3) {
            return true; // not a tag of ours: leave it alone
        }
        try {
            long pid = Long.parseLong(parts[0]);
            long started = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid).filter(ProcessTree::isRunning).map(ProcessTree::startMillis).filter(s -> s == started).isPresent();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
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
        stop(tree, grace, this::members);
        return (int) tree.stream().filter(process -> !process.equals(root)).count();
    }

    /**
     * SIGTERM to {@code processes}, then SIGKILL after {@code grace} to the survivors and what {@code withStarted} adds
     * to them (what they started meanwhile).
     */
    private static void stop(List<ProcessHandle> processes, Duration grace, UnaryOperator<List<ProcessHandle>> withStarted) {
        processes.forEach(ProcessHandle::destroy);
        List<ProcessHandle> survivors = awaitGone(processes, grace);
        if (survivors.isEmpty()) {
            return;
        }
        List<ProcessHandle> toKill = withStarted.apply(survivors);
        toKill.forEach(ProcessHandle::destroyForcibly);
        List<ProcessHandle> left = awaitGone(toKill, grace);
        if (!left.isEmpty()) {
            LOG.warn("processes {} still run after SIGKILL", left.stream().map(ProcessHandle::pid).toList());
        }
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

    /** The processes whose environment holds this tree's tag. */
    private List<ProcessHandle> tagged() {
        OptionalLong last = lastPid();
        return scan(pid -> last.isEmpty() || handedOutBetween(root.pid(), pid, last.getAsLong()), tag::equals);
    }

    /**
     * The running processes among {@code candidates} whose {@link #VARIABLE} passes {@code select}; none where there is
     * no {@code /proc} (there the descendants are all that can be found). Another user's environment cannot be read.
     */
    private static List<ProcessHandle> scan(LongPredicate candidates, Predicate<String> select) {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(Path::getFileName).map(Path::toString).filter(ProcessTree::isPid).mapToLong(Long::parseLong)
                    .filter(candidates).filter(pid -> tagOf(pid).filter(select).isPresent())
                    .mapToObj(ProcessHandle::of).flatMap(Optional::stream).filter(ProcessTree::isRunning).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
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

    /** The value of {@link #VARIABLE} in a process's environment: one of its NUL-separated {@code NAME=value} entries. */
    private static Optional<String> tagOf(long pid) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // gone meanwhile, or another user's
        }
        for (int start = 0; start < environment.length; ) {
            int end = start;
            while (end < environment.length && environment[end] != 0) {
                end++;
            }
            if (end - start > PREFIX.length && Arrays.equals(environment, start, start + PREFIX.length, PREFIX, 0, PREFIX.length)) {
                return Optional.of(new String(environment, start + PREFIX.length, end - start - PREFIX.length, StandardCharsets.UTF_8));
            }
            start = end + 1;
        }
        return Optional.empty();
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
