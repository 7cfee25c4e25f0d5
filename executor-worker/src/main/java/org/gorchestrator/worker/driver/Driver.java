package org.gorchestrator.worker.driver;

import org.gorchestrator.message.NodeCommand;

/**
 * Runs the nodes of one engine (nil, sleep, shell; later ansible, docker, ssh). A driver never
 * throws for a node that goes wrong: it returns a failed {@link DriverResult} saying why.
 */
public interface Driver {

    /** The engine name that nodes give to ask for this driver. */
    String engine();

    /** Runs one attempt, within {@link RunContext#timeLimit()}, until done or cancelled. */
    DriverResult run(NodeCommand command, RunContext context);
}
