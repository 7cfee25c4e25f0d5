package org.gorchestrator.api.logs;

/** The workflow has no node with this id or name. */
public final class NodeNotFoundException extends RuntimeException {
    public NodeNotFoundException(String workflowId, String node) {
        super("task " + workflowId + " has no node '" + (node.length() <= 64 ? node : node.substring(0, 64) + "…") + "'");
    }
}
