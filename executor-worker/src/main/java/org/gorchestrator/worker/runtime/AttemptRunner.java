package org.gorchestrator.worker.runtime;

import java.time.Instant;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.driver.Texts;

/** Runs one attempt of a node and reports it: started, then succeeded or failed. */
final class AttemptRunner {
    private static final int STDERR_CHARS_IN_MESSAGE = 2_000;

    private final DriverRegistry drivers;
    private final NodeEventPublisher events;

    AttemptRunner(DriverRegistry drivers, NodeEventPublisher events) {
        this.drivers = drivers;
        this.events = events;
    }

    /**
     * @return true once the final event is acked; false when the worker abandoned the attempt
     * @throws IllegalStateException when an event could not be published
     */
    boolean run(NodeCommand command, RunContext context) {
        Instant startedAt = Instant.now();
        events.publish(new NodeEvent.Started(command.workflowId(), command.nodeId(), command.attempt(), context.workerId(), startedAt));
        DriverResult result = drivers.run(command, context);
        if (context.cancellation().isAbandoned()) {
            return false;
        }
        events.publish(ended(command, context.workerId(), result, startedAt));
        return true;
    }

    static NodeEvent ended(NodeCommand command, String workerId, DriverResult result, Instant startedAt) {
        Instant at = Instant.now();
        if (result.success()) {
            int exitCode = result.exitCode() == null ? 0 : result.exitCode();
            return new NodeEvent.Succeeded(command.workflowId(), command.nodeId(), command.attempt(), workerId, exitCode,
                    result.outputs(), startedAt, at);
        }
        if (result.timedOut()) {
            return new NodeEvent.TimedOut(command.workflowId(), command.nodeId(), command.attempt(), workerId, failureMessage(result),
                    startedAt, at);
        }
        return new NodeEvent.Failed(command.workflowId(), command.nodeId(), command.attempt(), workerId, result.exitCode(),
                failureMessage(result), startedAt, at);
    }

    private static String failureMessage(DriverResult result) {
        String stderr = result.stderrTail().strip();
        return stderr.isEmpty() ? result.message() : result.message() + "; stderr: " + Texts.lastChars(stderr, STDERR_CHARS_IN_MESSAGE);
    }
}
