package org.gorchestrator.api.logs;

/** This instance already streams as many logs as it may. */
public final class TooManyFollowersException extends RuntimeException {
    public TooManyFollowersException(int max) {
        super("this instance already streams " + max + " logs; retry later, or read the log without following it");
    }
}
