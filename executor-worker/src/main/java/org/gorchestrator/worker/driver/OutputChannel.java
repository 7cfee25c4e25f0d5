package org.gorchestrator.worker.driver;

/** The two output streams of a process. */
public enum OutputChannel {
    STDOUT, STDERR
}
