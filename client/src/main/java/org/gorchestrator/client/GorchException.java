package org.gorchestrator.client;

/**
 * Anything the client could not do: the API answered with a problem ({@link ProblemException} and its kinds), the server
 * could not be reached ({@link ConnectionException}), or a task did not finish in the time given ({@link WaitTimeoutException}).
 */
public abstract sealed class GorchException extends RuntimeException permits ProblemException, ConnectionException, WaitTimeoutException {
    GorchException(String message, Throwable cause) {
        super(message, cause);
    }
}
