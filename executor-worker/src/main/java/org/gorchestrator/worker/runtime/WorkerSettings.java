package org.gorchestrator.worker.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.OutputLimits;

/**
 * How a worker runs, as the code uses it (bound from {@code gorch.worker.*} by {@code WorkerProperties}).
 *
 * @param workerId         names this worker in events and messages
 * @param groupId          the consumer group the workers share
 * @param concurrency      most nodes running at once in this process
 * @param defaultTimeout   time limit of an attempt whose command sets none
 * @param killGrace        time between SIGTERM and SIGKILL when a process tree is killed
 * @param maxOutputBytes   most output per stream of an attempt, kept for its result and shipped to the node-logs topic
 * @param shutdownGrace    how long a stopping worker waits for running nodes before killing them
 * @param pollTimeout      the consumer's poll timeout; also bounds how long a finished node waits for its commit
 * @param consumer         extra Kafka consumer settings for the worker only
 * @param logFlushInterval how often the output of running attempts is shipped to the node-logs topic
 * @param logChunkBytes    the most output bytes in one log record
 * @param killMemory       how long a kill is remembered, so that a command that comes after its kill does not start
 * @param pools            the worker pools this worker serves ({@code default} for nodes without a pool target)
 * @param startedDelay     how long an attempt runs before its "started" event is sent; one that ends sooner sends only
 *                         its end (zero: every attempt reports its start at once)
 * @param commitInterval   most often a partition's finished records are acknowledged for commit (zero: at each finish)
 * @param outputLimits     bounds on the declared output values of an attempt
 * @param reportRetry      how long and how often the final event of an attempt is sent again when Kafka did not take it
 */
public record WorkerSettings(String workerId, String groupId, int concurrency, Duration defaultTimeout, Duration killGrace,
                           int maxOutputBytes, Duration shutdownGrace, Duration pollTimeout, Map<String, String> consumer,
                           Duration logFlushInterval, int logChunkBytes, Duration killMemory, List<String> pools,
                           Duration startedDelay, Duration commitInterval, OutputLimits outputLimits, ReportRetry reportRetry) {
    public WorkerSettings {
        requireText(workerId, "workerId");
        requireText(groupId, "groupId");
        requirePositive(defaultTimeout, "defaultTimeout");
        requirePositive(killGrace, "killGrace");
        requirePositive(shutdownGrace, "shutdownGrace");
        requirePositive(pollTimeout, "pollTimeout");
        requirePositive(logFlushInterval, "logFlushInterval");
        requirePositive(killMemory, "killMemory");
        requireNotNegative(startedDelay, "startedDelay");
        requireNotNegative(commitInterval, "commitInterval");
        Objects.requireNonNull(outputLimits, "outputLimits");
        Objects.requireNonNull(reportRetry, "reportRetry");
        consumer = consumer == null ? Map.of() : Map.copyOf(consumer);
        pools = pools == null || pools.isEmpty() ? List.of(Topics.DEFAULT_POOL) : List.copyOf(pools);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        if (maxOutputBytes < 1024) {
            throw new IllegalArgumentException("maxOutputBytes must be >= 1024, was " + maxOutputBytes);
        }
        if (logChunkBytes < 1024) {
            throw new IllegalArgumentException("logChunkBytes must be >= 1024, was " + logChunkBytes);
        }
    }

    public WorkerSettings withStartedDelay(Duration delay) {
        return new WorkerSettings(workerId, groupId, concurrency, defaultTimeout, killGrace, maxOutputBytes, shutdownGrace, pollTimeout,
                consumer, logFlushInterval, logChunkBytes, killMemory, pools, delay, commitInterval, outputLimits, reportRetry);
    }

    public WorkerSettings withReportRetry(ReportRetry retry) {
        return new WorkerSettings(workerId, groupId, concurrency, defaultTimeout, killGrace, maxOutputBytes, shutdownGrace, pollTimeout,
                consumer, logFlushInterval, logChunkBytes, killMemory, pools, startedDelay, commitInterval, outputLimits, retry);
    }

    /** The command's own time limit, else the default. */
    public Duration timeLimit(NodeCommand command) {
        Integer seconds = command.timeoutSeconds();
        return seconds != null && seconds > 0 ? Duration.ofSeconds(seconds) : defaultTimeout;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
