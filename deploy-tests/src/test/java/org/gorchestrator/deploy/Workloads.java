package org.gorchestrator.deploy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gorchestrator.worker.config.WorkerProperties;

/** What the tests derive from containers and pods: environment references, memory, shutdown time. */
final class Workloads {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Ki|Mi|Gi)?");
    private static final Pattern HEAP_SHARE = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");
    private static final Map<String, Long> UNITS = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30);

    private Workloads() {
    }

    /** Variables that other variables' values use as $(NAME): Kubernetes expands them, no process reads them. */
    static Set<String> referenced(Map<String, String> environment) {
        Set<String> names = new HashSet<>();
        for (String value : environment.values()) {
            Matcher matcher = REFERENCE.matcher(value);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** A Kubernetes memory quantity (512Mi, 2Gi) in bytes. */
    static long bytes(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity);
        if (!matcher.matches()) {
            throw new AssertionError("not a memory quantity these tests know: " + quantity);
        }
        return Long.parseLong(matcher.group(1)) * (matcher.group(2) == null ? 1 : UNITS.get(matcher.group(2)));
    }

    /** The heap's share of the container's memory, in percent, from JAVA_OPTS (the JVM's default is 25). */
    static double heapPercent(String javaOptions) {
        Matcher matcher = HEAP_SHARE.matcher(javaOptions == null ? "" : javaOptions);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 25;
    }

    /** How long a preStop hook of {@code sleep N} holds the container before SIGTERM. */
    static Duration preStop(Tree container) {
        List<Tree> command = container.get("lifecycle", "preStop", "exec", "command").list();
        return command.size() == 2 && "sleep".equals(command.get(0).text())
                ? Duration.ofSeconds(Long.parseLong(command.get(1).text()))
                : Duration.ZERO;
    }

    /**
     * The longest a worker takes to stop after SIGTERM: it waits for its running nodes for the
     * shutdown grace, then kills them, which takes up to 4 kill graces and a second with their
     * output readers (NodePool.shutdown).
     */
    static Duration workerStop(WorkerProperties worker) {
        return worker.shutdownGrace().plus(worker.killGrace().multipliedBy(4)).plusSeconds(1);
    }
}
