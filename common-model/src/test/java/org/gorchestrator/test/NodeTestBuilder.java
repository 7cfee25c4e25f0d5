package org.gorchestrator.test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.NodeDefinition;
import org.gorchestrator.model.NodeRun;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.model.State;

/**
 * Builds a node for a test by name rather than by position: its definition field by field, and its
 * run in a phase reached through the real transitions ({@link NodeRun}), so a test never holds a
 * node in a state the engine could not reach. {@link #build()} gives the document's {@link Node}.
 *
 * <pre>{@code aNode(1, "deploy").engine("shell", "./deploy.sh").outputs("ip").succeeded(Map.of("ip", "10.0.0.1")).build()}</pre>
 */
public final class NodeTestBuilder {
    /** The time of every transition a builder makes unless told otherwise. */
    public static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");
    public static final String WORKER = "worker-1";

    private NodeDefinition definition;
    private NodeRun run = NodeRun.INITIAL;

    private NodeTestBuilder(NodeDefinition definition) {
        this.definition = definition;
    }

    /** {@code node}'s definition and run, to go on from. */
    public static NodeTestBuilder from(Node node) {
        return new NodeTestBuilder(node.toDefinition()).run(node.toRun());
    }

    /** A nil node that has not run: state initial. */
    public static NodeTestBuilder aNode(int id, String name) {
        return new NodeTestBuilder(NodeDefinition.of(id, name, null, null, List.of()));
    }

    public NodeTestBuilder engine(String engine, String artifact, String... args) {
        definition = new NodeDefinition(definition.id(), definition.name(), engine, artifact, List.of(args), definition.target(),
                definition.output(), definition.timeout(), definition.retry());
        return this;
    }

    public NodeTestBuilder target(String target) {
        definition = definition.withTarget(target);
        return this;
    }

    /** Declares output names, in this order. */
    public NodeTestBuilder outputs(String... names) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (String name : names) {
            declared.put(name, "");
        }
        definition = definition.withOutput(declared);
        return this;
    }

    public NodeTestBuilder timeout(Integer seconds) {
        definition = definition.withTimeout(seconds);
        return this;
    }

    public NodeTestBuilder retry(RetryPolicy policy) {
        definition = definition.withRetry(policy);
        return this;
    }

    /** Any run, e.g. one built by chaining {@link NodeRun}'s transitions. */
    public NodeTestBuilder run(NodeRun phase) {
        run = phase;
        return this;
    }

    /** Submitted, not dispatched yet: torun. */
    public NodeTestBuilder waiting() {
        return run(NodeRun.FIRST_PASS);
    }

    /** Attempt 1 queued for a worker, its report due at {@code deadline}. */
    public NodeTestBuilder dispatched(Instant deadline) {
        return run(NodeRun.FIRST_PASS.dispatched(deadline));
    }

    /** Attempt 1 started by {@link #WORKER} at {@code at}. */
    public NodeTestBuilder running(Instant at) {
        return run(NodeRun.FIRST_PASS.dispatched(at.plusSeconds(60)).started(at, WORKER, at.plusSeconds(60)));
    }

    /** Attempt 1 started by {@link #WORKER} and ended in {@code state} at {@code at}, exit code 0 on success else 1. */
    public NodeTestBuilder finished(State state, Instant at) {
        NodeRun.Running running = NodeRun.FIRST_PASS.dispatched(at).started(at, WORKER, at);
        return run(running.finished(state, at, at, state == State.SUCCESS ? 0 : 1, null, WORKER, null));
    }

    /** Attempt 1 succeeded at {@link #AT}, reporting {@code outputs}. */
    public NodeTestBuilder succeeded(Map<String, String> outputs) {
        return run(ended(State.SUCCESS, 0, null, outputs.isEmpty() ? null : definition.captured(outputs)));
    }

    /** Attempt 1 ended in {@code state} (failure or timeout) at {@link #AT} with {@code message}. */
    public NodeTestBuilder failed(State state, Integer exitCode, String message) {
        return run(ended(state, exitCode, message, null));
    }

    /** Closed without running (notrunnable, canceled) at {@link #AT}. */
    public NodeTestBuilder closed(State state, String why) {
        return run(NodeRun.FIRST_PASS.closed(state, AT, why));
    }

    private NodeRun.Finished ended(State state, Integer exitCode, String message, Map<String, String> outputs) {
        return NodeRun.FIRST_PASS.dispatched(AT).finished(state, AT, AT, exitCode, message, WORKER, outputs);
    }

    public NodeDefinition definition() {
        return definition;
    }

    public NodeRun run() {
        return run;
    }

    public Node build() {
        return Node.of(definition, run);
    }
}
