package org.gorchestrator.api.commands;

/** A workflow command over {@code gorch.kafka.max-command-size} as JSON: nothing of it was sent. */
public final class CommandTooLargeException extends RuntimeException {
    public CommandTooLargeException(String workflowId, long bytes, long maxBytes) {
        super("the document of " + workflowId + " takes " + bytes + " bytes as the command to the conductor, over the limit of " + maxBytes
                + " bytes (gorch.kafka.max-command-size); nothing was submitted");
    }
}
