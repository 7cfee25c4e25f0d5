package org.gorchestrator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2024-05-01T10:00:05Z");

    private static Node declaring(String... outputs) {
        Map<String, String> declared = new HashMap<>();
        for (String o : outputs) {
            declared.put(o, "");
        }
        return Node.of(0, "d", "toscassh", "./script.sh", List.of()).withOutput(declared);
    }

    @Test
    void nullsBecomeDefaults() {
        Map<String, String> outputs = new HashMap<>();
        outputs.put("ip", null);
        Node n = new Node(4, null, null, "  ", null, Arrays.asList("a", null), null, outputs, null, null, null, null, null, null, null, null,
                null, null, null, null);

        assertThat(n.state()).isEqualTo(State.INITIAL);
        assertThat(n.engine()).isEqualTo(Node.NIL_ENGINE);
        assertThat(n.args()).containsExactly("a", "");
        assertThat(n.output()).containsEntry("ip", "");
        assertThat(n.attempt()).isZero();
        assertThat(n.displayName()).isEqualTo("4");
    }

    @Test
    void finishedKeepsOnlyDeclaredOutputs() {
        Node done = declaring("ip").dispatched(1, T1).finished(State.SUCCESS, T0, T1, 0, null, "w", Map.of("ip", "1.2.3.4", "secret", "x"));

        assertThat(done.output()).containsExactly(Map.entry("ip", "1.2.3.4"));
        assertThat(done.startDate()).isEqualTo(T0);
        assertThat(done.stopDate()).isEqualTo(T1);
        assertThat(done.worker()).isEqualTo("w");
    }

    @Test
    void finishedKeepsTheStartDateOfTheStartedEvent() {
        Node done = declaring().dispatched(1, T1).started(T0, "w1", T1).finished(State.FAILURE, T1, T1, 2, "boom", null, Map.of());

        assertThat(done.startDate()).isEqualTo(T0);
        assertThat(done.worker()).as("keeps the worker that started it").isEqualTo("w1");
        assertThat(done.exitCode()).isEqualTo(2);
    }

    @Test
    void aNewAttemptClearsThePreviousResultsIncludingOutputValues() {
        Node failed = declaring("ip").dispatched(1, T1).finished(State.FAILURE, T0, T1, 1, "boom", "w", Map.of("ip", "stale"));

        Node again = failed.dispatched(2, T1);

        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.state()).isEqualTo(State.TORUN);
        assertThat(again.output()).containsExactly(Map.entry("ip", ""));
        assertThat(again.startDate()).isNull();
        assertThat(again.stopDate()).isNull();
        assertThat(again.exitCode()).isNull();
        assertThat(again.message()).isNull();
        assertThat(again.worker()).isNull();
    }

    @Test
    void definitionDropsEverythingARunAdded() {
        Node ran = declaring("ip").withTarget("h1").withTimeout(9).dispatched(3, T1)
                .finished(State.SUCCESS, T0, T1, 0, null, "w", Map.of("ip", "1.2.3.4"));

        Node fresh = ran.definition();

        assertThat(fresh).isEqualTo(declaring("ip").withTarget("h1").withTimeout(9));
    }

    @Test
    void copiesThatDoNotTouchOutputsShareThem() {
        Node declared = declaring("ip", "network");
        Node dispatched = declared.dispatched(1, T1);
        Node done = dispatched.started(T0, "w", T1).finished(State.SUCCESS, T0, T1, 0, null, "w", Map.of("ip", "1.2.3.4"));

        assertThat(dispatched.output()).as("already blank").isSameAs(declared.output());
        assertThat(dispatched.started(T0, "w", T1).output()).isSameAs(dispatched.output());
        assertThat(done.withTimeout(5).output()).isSameAs(done.output());
        assertThat(done.output()).containsExactly(Map.entry("ip", "1.2.3.4"), Map.entry("network", ""));
        assertThat(done.dispatched(2, T1).output()).containsExactly(Map.entry("ip", ""), Map.entry("network", ""));
    }

    @Test
    void outputsKeepTheirOrderHoldNoNullAndCannotBeChanged() {
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("z", null);
        declared.put("a", "x");
        Node node = Node.of(0, "n", "shell", "true", List.of()).withOutput(declared);
        Map<String, String> reported = new HashMap<>();
        reported.put("z", null);

        assertThat(node.output()).containsExactly(Map.entry("z", ""), Map.entry("a", "x"));
        assertThat(node.dispatched(1, T1).finished(State.SUCCESS, T0, T1, 0, null, "w", reported).output())
                .containsExactly(Map.entry("z", ""), Map.entry("a", ""));
        assertThatThrownBy(() -> node.output().put("b", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(node.output()).isEqualTo(Map.of("z", "", "a", "x")).hasSameHashCodeAs(Map.of("z", "", "a", "x"));
    }
}
