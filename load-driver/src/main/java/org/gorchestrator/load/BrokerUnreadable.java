package org.gorchestrator.load;

/**
 * What the driver reads of the system's broker besides the API (its log sizes, its request counters) could not be read:
 * the run's figures would be incomplete.
 */
final class BrokerUnreadable extends RuntimeException {
    BrokerUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
