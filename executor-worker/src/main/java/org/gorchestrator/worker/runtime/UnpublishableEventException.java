package org.gorchestrator.worker.runtime;

/**
 * Kafka can never take this event, however often it is sent: it is larger than the producer or the
 * topic takes, or it cannot be serialized. The message says why, for the event that replaces it.
 */
final class UnpublishableEventException extends RuntimeException {
    UnpublishableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
