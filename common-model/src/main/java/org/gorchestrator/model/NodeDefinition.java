package org.gorchestrator.model;

import java.util.List;
import java.util.Map;

/**
 * What a node runs, as its author declared it: nothing here changes while the workflow runs. How
 * the node goes is its {@link NodeRun}; the document's {@link Node} shows both together.
 *
 * <p>{@code id} is the node's row and column in the adjacency matrix. {@code output} declares the
 * names to capture, every value blank (the captured values belong to the run). {@code timeout} is in
 * seconds; null means the engine's default.
 */
public record NodeDefinition(
        Integer id,
        String name,
        String engine,
        String artifact,
        List<String> args,
        String target,
        Map<String, String> output,
        Integer timeout,
        RetryPolicy retry) {

    public static final String NIL_ENGINE = "nil";

    public NodeDefinition {
        engine = engine == null || engine.isBlank() ? NIL_ENGINE : engine.trim();
        args = args == null ? List.of() : withoutNulls(args);
        // A document posted again may carry a past run's values: a definition keeps only the names.
        output = Outputs.blank(Outputs.of(output));
    }

    public static NodeDefinition of(Integer id, String name, String engine, String artifact, List<String> args) {
        return new NodeDefinition(id, name, engine, artifact, args, null, null, null, null);
    }

    /** The name other nodes use in {@code get_attribute name:output}; falls back to the id. */
    public String displayName() {
        return name == null || name.isBlank() ? String.valueOf(id) : name;
    }

    /** The retry policy in force: the node's own, or no retry. */
    public RetryPolicy retryPolicy() {
        return retry == null ? RetryPolicy.NONE : retry;
    }

    /** The declared output names with the values {@code reported} has for them; other reported names are dropped. */
    public Map<String, String> captured(Map<String, String> reported) {
        return Outputs.captured(output, reported);
    }

    public NodeDefinition withArgs(List<String> newArgs) {
        return new NodeDefinition(id, name, engine, artifact, newArgs, target, output, timeout, retry);
    }

    public NodeDefinition withTarget(String newTarget) {
        return new NodeDefinition(id, name, engine, artifact, args, newTarget, output, timeout, retry);
    }

    public NodeDefinition withOutput(Map<String, String> names) {
        return new NodeDefinition(id, name, engine, artifact, args, target, names, timeout, retry);
    }

    public NodeDefinition withTimeout(Integer seconds) {
        return new NodeDefinition(id, name, engine, artifact, args, target, output, seconds, retry);
    }

    public NodeDefinition withRetry(RetryPolicy policy) {
        return new NodeDefinition(id, name, engine, artifact, args, target, output, timeout, policy);
    }

    static List<String> withoutNulls(List<String> args) {
        try {
            return List.copyOf(args); // an immutable list as it is: every rendering of a node passes here
        } catch (NullPointerException nullArg) {
            return args.stream().map(a -> a == null ? "" : a).toList();
        }
    }
}
