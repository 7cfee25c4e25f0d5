package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.gorchestrator.kafka.tracing.Hop;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.worker.driver.Cancellation;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.driver.Texts;
import org.gorchestrator.worker.logs.AttemptOutput;
import org.gorchestrator.worker.logs.LogShipper;

/**
 * Runs one attempt of a node, ships its output while it runs and reports it: started (once it has
 * run for the {@link WorkerSettings#startedDelay()}), then how it ended. The attempt is a hop of its
 * command's trace: its log lines and its events carry that trace.
 */
final class AttemptRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);
    private static final int STDERR_CHARS_IN_MESSAGE = 2_000;

    private final WorkerSettings config;
    private final DriverRegistry drivers;
    private final NodeEventPublisher events;
    private final FinalReports reports;
    private final LogShipper logs;
    private final Timer scheduleLatency;
    private final RecordTracing tracing;

    AttemptRunner(WorkerSettings config, DriverRegistry drivers, NodeEventPublisher events, FinalReports reports, LogShipper logs,
                  Timer scheduleLatency, RecordTracing tracing) {
        this.config = config;
        this.tracing = tracing;
        this.scheduleLatency = scheduleLatency;
        this.drivers = drivers;
        this.events = events;
        this.reports = reports;
        this.logs = logs;
    }

    /**
     * @return completes once the final event is acked, or its report given up or dropped (never exceptionally);
     * empty when the worker abandoned the attempt
     */
    Optional<CompletableFuture<FinalReports.Outcome>> run(NodeCommand command, String traceparent, Cancellation cancellation) {
        Instant startedAt = Instant.now();
        // Clocks of conductor and worker may differ a little: a start "before" the dispatch counts as no wait.
        Duration queued = Duration.between(command.at(), startedAt);
        scheduleLatency.record(queued.isNegative() ? Duration.ZERO : queued);
        try (MDC.MDCCloseable wf = MDC.putCloseable("workflowId", command.workflowId());
                MDC.MDCCloseable node = MDC.putCloseable("nodeId", Integer.toString(command.nodeId()));
                MDC.MDCCloseable attempt = MDC.putCloseable("attempt", Integer.toString(command.attempt()));
                Hop hop = open(command, traceparent)) {
            DriverResult result = runReportingStart(command, cancellation, startedAt, hop.traceparent());
            if (cancellation.isAbandoned()) {
                return Optional.empty();
            }
            return Optional.of(reports.deliver(ended(command, config.workerId(), result, startedAt), hop.traceparent(),
                    config.reportRetry().deadline(startedAt, config.timeLimit(command))));
        }
    }

    private Hop open(NodeCommand command, String traceparent) {
        return tracing.open("node " + command.engine(), traceparent)
                .tag("gorch.workflow.id", command.workflowId())
                .tag("gorch.node.id", Integer.toString(command.nodeId()))
                .tag("gorch.attempt", Integer.toString(command.attempt()));
    }

    /** Runs the driver; the "started" event goes once the attempt has run for the configured delay. */
    private DriverResult runReportingStart(NodeCommand command, Cancellation cancellation, Instant startedAt, String traceparent) {
        NodeEvent started = new NodeEvent.Started(command.workflowId(), command.nodeId(), command.attempt(), config.workerId(), startedAt);
        // Not waited for: the final event follows it on the same partition, so its ack implies this one's. Not sent again
        // either: the final event carries the start time, and a late "started" would only be dropped.
        StartReport report = StartReport.after(config.startedDelay(), () -> events.publish(started, traceparent).exceptionally(error -> {
            LOG.warn("{}", error.getMessage());
            return null;
        }));
        try {
            return runDriver(command, cancellation);
        } finally {
            report.attemptEnded();
        }
    }

    private DriverResult runDriver(NodeCommand command, Cancellation cancellation) {
        AttemptOutput output = logs.open(command, config.maxOutputBytes());
        try {
            // Every driver's result passes here: the one place its outputs are bounded.
            return config.outputLimits().apply(drivers.run(command, new RunContext(config.workerId(), config.timeLimit(command),
                    cancellation, config.maxOutputBytes(), output)));
        } finally {
            if (cancellation.isAbandoned()) {
                output.abandon();
            } else {
                output.end();
            }
        }
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
