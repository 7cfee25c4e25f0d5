package org.gorchestrator.api.tasks;

/** A submitted node uses an engine its caller has no scope for. */
public final class EngineNotAllowedException extends RuntimeException {
    private final String node;
    private final int nodeId;
    private final String engine;
    private final String scope;

    public EngineNotAllowedException(String node, int nodeId, String engine, String scope) {
        super("node '" + node + "' (id " + nodeId + ") uses the engine '" + engine + "', which needs the scope " + scope);
        this.node = node;
        this.nodeId = nodeId;
        this.engine = engine;
        this.scope = scope;
    }

    public String node() {
        return node;
    }

    public int nodeId() {
        return nodeId;
    }

    public String engine() {
        return engine;
    }

    public String scope() {
        return scope;
    }
}
