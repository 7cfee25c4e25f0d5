package org.gorchestrator.api.commands;

import java.util.concurrent.CompletableFuture;

/**
 * The broker did not acknowledge a command in time, or refused it. {@link #delivery()} is the send: still pending when
 * only the acknowledgement was late (the producer goes on trying until its {@code delivery.timeout.ms}, and the future
 * then tells whether the command reached the broker), done when the command failed for good.
 */
public final class BrokerUnavailableException extends RuntimeException {
    private final String workflowId;
    private final transient CompletableFuture<?> delivery;

    public BrokerUnavailableException(String workflowId, String message, Throwable cause, CompletableFuture<?> delivery) {
        super(message, cause);
        this.workflowId = workflowId;
        this.delivery = delivery;
    }

    public String workflowId() {
        return workflowId;
    }

    public CompletableFuture<?> delivery() {
        return delivery;
    }
}
