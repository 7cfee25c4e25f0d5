package org.gorchestrator.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gorchestrator.faults.Workload.Submission;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * The figures of one scenario run and the invariants checked on them: no accepted workflow lost, none
 * stuck past its deadline and the report-grace, each ending as its kind allows, a node's success
 * reported once, and an attempt run twice only if it was in flight at the fault.
 */
record ScenarioReport(
        String scenario,
        String fault,
        int submitted,
        int accepted,
        SortedMap<String, Long> refused,
        int ranThoughRefused,
        SortedMap<String, Long> finishedByState,
        int stuck,
        int lost,
        SortedMap<Integer, Long> runsPerAttempt,
        SortedMap<Integer, Long> runsPerNode,
        int reRunOutsideFault,
        int successReportedTwice,
        Duration converged,
        List<String> violations) {

    static final Path TABLE = Path.of("target", "reliability.md");
    /*
     * A worker commits a command's offset shortly after reporting it (its commit-interval, 100 ms, behind any
     * earlier command of the partition still running): an attempt that finished this long before the fault
     * was acknowledged and must never run again.
     */
    static final Duration ACKNOWLEDGED_AFTER = Duration.ofSeconds(5);

    /** The window of the fault: from the first blow to the end of the recovery the scenario waits for. */
    record FaultWindow(Instant start, Instant end) {}

    static ScenarioReport of(String scenario, String fault, List<Submission> submissions, Executions executions,
                             Map<String, Integer> successes, FaultWindow window, List<String> otherViolations) {
        List<String> violations = new ArrayList<>(otherViolations);
        List<Submission> accepted = submissions.stream().filter(Submission::accepted).toList();
        List<Submission> lost = accepted.stream().filter(s -> s.last == null).toList();
        List<Submission> stuck = accepted.stream().filter(s -> s.last != null && !s.finished()).toList();
        lost.forEach(s -> violations.add("lost: " + s.spec.kind() + " " + s.id + " was accepted and no API instance knows it"));
        stuck.forEach(s -> violations.add("stuck: " + s.spec.kind() + " " + s.id + " is still " + s.last.state().label()
                + ", due to end by " + s.mustFinishBy() + " (its deadline + report-grace)"));
        accepted.stream().filter(Submission::finished).filter(s -> !s.spec.expected().contains(s.last.state()))
                .forEach(s -> violations.add("unexpected end: " + s.spec.kind() + " " + s.id + " ended " + s.last.state().label()
                        + ", expected " + s.spec.expected()));
        int twice = checkSuccessReports(accepted, successes, violations);
        int reRun = checkReRuns(executions, window, violations);
        SortedMap<String, Long> byState = accepted.stream().filter(Submission::finished)
                .collect(Collectors.groupingBy(s -> s.last.state().label(), TreeMap::new, Collectors.counting()));
        SortedMap<String, Long> refused = submissions.stream().filter(s -> !s.accepted())
                .collect(Collectors.groupingBy(ScenarioReport::refusalKind, TreeMap::new, Collectors.counting()));
        Set<String> acceptedIds = accepted.stream().map(s -> s.id).collect(Collectors.toSet());
        int ranThoughRefused = (int) executions.runs().stream().map(r -> r.key().workflow()).distinct().filter(w -> !acceptedIds.contains(w)).count();
        return new ScenarioReport(scenario, fault, submissions.size(), accepted.size(), refused, ranThoughRefused, byState, stuck.size(), lost.size(),
                executions.perAttempt(), executions.perNode(), reRun, twice, converged(accepted, window), List.copyOf(violations));
    }

    /** The HTTP status a submission was refused with, or "no answer" when the instance could not be reached. */
    private static String refusalKind(Submission s) {
        return Character.isDigit(s.refusal.charAt(0)) ? s.refusal.substring(0, 3) : "no answer";
    }

    /** A succeeded node reported exactly once; any other node never. */
    private static int checkSuccessReports(List<Submission> accepted, Map<String, Integer> successes, List<String> violations) {
        int twice = 0;
        for (Submission s : accepted.stream().filter(x -> x.last != null).toList()) {
            for (Node node : s.last.nodes()) {
                String subject = s.id + "/nodes/" + node.id();
                int reports = successes.getOrDefault(subject, 0);
                int expected = node.state() == State.SUCCESS ? 1 : 0;
                if (reports > 1) {
                    twice++;
                }
                if (reports != expected && (s.finished() || reports > 1)) {
                    violations.add("success of " + subject + " (now " + node.state().label() + ") reported " + reports + " times");
                }
            }
        }
        return twice;
    }

    private static int checkReRuns(Executions executions, FaultWindow window, List<String> violations) {
        Instant acknowledged = window.start().minus(ACKNOWLEDGED_AFTER);
        List<Executions.Runs> outside = executions.runs().stream()
                .filter(r -> r.starts().size() > 1)
                .filter(r -> r.firstStart().isAfter(window.end()) || r.firstEndedBefore(acknowledged))
                .toList();
        outside.forEach(r -> violations.add("re-run outside the fault: " + r.key() + " started " + r.starts() + ", ended " + r.ends()
                + "; fault " + window));
        return outside.size();
    }

    private static Duration converged(List<Submission> accepted, FaultWindow window) {
        return accepted.stream().filter(Submission::finished).map(s -> s.last.stopDate()).filter(Objects::nonNull)
                .max(Instant::compareTo)
                .map(last -> last.isAfter(window.end()) ? Duration.between(window.end(), last) : Duration.ZERO)
                .orElse(null);
    }

    boolean passed() {
        return violations.isEmpty();
    }

    static String header() {
        return "| scenario | fault | submitted | accepted | refused | ran though refused | finished by state | stuck | lost "
                + "| runs per (node, attempt) | runs per node | re-run outside the fault | success reported twice | converged in | result |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    }

    String row() {
        String states = finishedByState.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String converge = converged == null ? "-" : String.format("%.1f s", converged.toMillis() / 1000.0);
        String refusals = refused.isEmpty() ? "0" : refused.entrySet().stream().map(e -> e.getValue() + " (" + e.getKey() + ")").collect(Collectors.joining(", "));
        return "| " + String.join(" | ", scenario, fault, String.valueOf(submitted), String.valueOf(accepted), refusals,
                String.valueOf(ranThoughRefused), states.isEmpty() ? "-" : states,
                String.valueOf(stuck), String.valueOf(lost), Executions.format(runsPerAttempt), Executions.format(runsPerNode),
                String.valueOf(reRunOutsideFault), String.valueOf(successReportedTwice), converge,
                passed() ? "pass" : "FAIL (" + violations.size() + ")") + " |\n";
    }

    /** Appends this row (and the table's header, the first time) to {@link #TABLE}. */
    void append() {
        try {
            Files.createDirectories(TABLE.getParent());
            String text = (Files.exists(TABLE) ? "" : header()) + row();
            Files.writeString(TABLE, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row, then every violation, for the test's output. */
    String describe() {
        return header() + row() + violations.stream().map(v -> "  - " + v + "\n").collect(Collectors.joining());
    }
}
