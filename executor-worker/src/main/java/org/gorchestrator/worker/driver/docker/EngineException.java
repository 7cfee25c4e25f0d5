package org.gorchestrator.worker.driver.docker;

import java.io.IOException;

/** The Docker Engine answered, and said no: the message says why. */
final class EngineException extends IOException {
    EngineException(String message) {
        super(message);
    }
}
