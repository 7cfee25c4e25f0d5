package org.gorchestrator.api.view;

/** This instance already holds as many reads waiting for their task to finish as it may. */
public final class TooManyWaitingReadsException extends RuntimeException {
    public TooManyWaitingReadsException(int max) {
        super("this instance already holds " + max + " reads waiting for their task to finish; retry later, or read without wait");
    }
}
