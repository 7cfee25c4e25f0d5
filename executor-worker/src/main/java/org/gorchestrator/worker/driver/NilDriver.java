package org.gorchestrator.worker.driver;

import org.gorchestrator.message.NodeCommand;

/** Engine {@code nil}: does nothing and succeeds at once (benchmarks, structural nodes). */
public final class NilDriver implements Driver {

    @Override
    public String engine() {
        return "nil";
    }

    @Override
    public DriverResult run(NodeCommand command, RunContext context) {
        return DriverResult.succeeded("nothing to do");
    }
}
