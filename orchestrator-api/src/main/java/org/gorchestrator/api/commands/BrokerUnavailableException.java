package org.gorchestrator.api.commands;

/**
 * The broker did not acknowledge a command in time. The command may still arrive later, so the
 * workflow id is kept for the client to look it up.
 */
public final class BrokerUnavailableException extends RuntimeException {
    private final String workflowId;

    public BrokerUnavailableException(String workflowId, String message, Throwable cause) {
        super(message, cause);
        this.workflowId = workflowId;
    }

    public String workflowId() {
        return workflowId;
    }
}
