package org.gorchestrator.worker.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gorchestrator.time.Durations;
import org.gorchestrator.worker.driver.OutputLimits;
import org.gorchestrator.worker.runtime.ReportRetry;
import org.gorchestrator.worker.runtime.WorkerSettings;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** {@code gorch.worker.*}, mapped onto {@link WorkerSettings}. */
@Validated
@ConfigurationProperties("gorch.worker")
public record WorkerProperties(
        @DefaultValue("true") boolean enabled,
        String id,
        @DefaultValue("gorch-workers") @NotBlank String groupId,
        @DefaultValue("8") @Min(1) @Max(1024) int concurrency,
        @DefaultValue("1h") @DurationMin(seconds = 1) Duration defaultTimeout,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration killGrace,
        @DefaultValue("1MB") DataSize maxOutput,
        @DefaultValue("30s") @DurationMin(millis = 1) Duration shutdownGrace,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration pollTimeout,
        Map<String, String> consumer,
        @DefaultValue("") String artifactsDir,
        @DefaultValue("200ms") @DurationMin(millis = 1) Duration logFlushInterval,
        @DefaultValue("64KB") DataSize logChunkSize,
        @DefaultValue("10m") @DurationMin(seconds = 1) Duration killMemory,
        @DefaultValue("default") List<String> pools,
        @DefaultValue("20ms") @DurationMin(millis = 0) @DurationMax(seconds = 60) Duration startedDelay,
        @DefaultValue("100ms") @DurationMin(millis = 0) @DurationMax(seconds = 60) Duration commitInterval,
        @DefaultValue("64KB") DataSize maxOutputValueSize,
        @DefaultValue("256KB") DataSize maxOutputsSize,
        @DefaultValue("200ms") @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration reportRetryBackoff,
        @DefaultValue("10s") @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration reportRetryMaxBackoff,
        @DefaultValue("30s") @DurationMin(millis = 0) Duration reportGrace) {

    private static final DataSize MIN_OUTPUT = DataSize.ofKilobytes(1);
    private static final DataSize MAX_OUTPUT = DataSize.ofMegabytes(256);
    private static final DataSize MIN_CHUNK = DataSize.ofKilobytes(1);
    private static final DataSize MAX_CHUNK = DataSize.ofMegabytes(1);
    private static final DataSize MIN_OUTPUT_VALUES = DataSize.ofKilobytes(1);
    private static final DataSize MAX_OUTPUT_VALUES = DataSize.ofMegabytes(16);

    public WorkerProperties {
        requireBetween("max-output", maxOutput, MIN_OUTPUT, MAX_OUTPUT);
        requireBetween("log-chunk-size", logChunkSize, MIN_CHUNK, MAX_CHUNK);
        requireBetween("max-output-value-size", maxOutputValueSize, MIN_OUTPUT_VALUES, MAX_OUTPUT_VALUES);
        requireBetween("max-outputs-size", maxOutputsSize, MIN_OUTPUT_VALUES, MAX_OUTPUT_VALUES);
        if (maxOutputValueSize.compareTo(maxOutputsSize) > 0) {
            throw new IllegalArgumentException("gorch.worker.max-output-value-size (" + maxOutputValueSize
                    + ") must not be over gorch.worker.max-outputs-size (" + maxOutputsSize + ")");
        }
        // A line is read in pieces of max-output: a value as long could not be read whole, and would look shorter than it is.
        if (maxOutputValueSize.compareTo(maxOutput) >= 0) {
            throw new IllegalArgumentException("gorch.worker.max-output-value-size (" + maxOutputValueSize
                    + ") must be below gorch.worker.max-output (" + maxOutput + "): longer output lines are cut");
        }
        if (reportRetryMaxBackoff.compareTo(reportRetryBackoff) < 0) {
            throw new IllegalArgumentException("gorch.worker.report-retry-max-backoff (" + Durations.format(reportRetryMaxBackoff)
                    + ") must not be below gorch.worker.report-retry-backoff (" + Durations.format(reportRetryBackoff) + ")");
        }
    }

    /** Where relative artifact paths resolve: the configured directory, else the directory the worker was started in. */
    public java.nio.file.Path artifactsPath() {
        return java.nio.file.Path.of(artifactsDir.isBlank() ? System.getProperty("user.dir") : artifactsDir);
    }

    public WorkerSettings toConfig() {
        String workerId = id == null || id.isBlank() ? defaultId() : id;
        return new WorkerSettings(workerId, groupId, concurrency, defaultTimeout, killGrace, (int) maxOutput.toBytes(), shutdownGrace,
                pollTimeout, consumer, logFlushInterval, (int) logChunkSize.toBytes(), killMemory, pools, startedDelay, commitInterval,
                new OutputLimits((int) maxOutputValueSize.toBytes(), (int) maxOutputsSize.toBytes()),
                new ReportRetry(reportRetryBackoff, reportRetryMaxBackoff, reportGrace));
    }

    private static void requireBetween(String name, DataSize size, DataSize min, DataSize max) {
        if (size.compareTo(min) < 0 || size.compareTo(max) > 0) {
            throw new IllegalArgumentException("gorch.worker." + name + " must be between " + min.toKilobytes() + "KB and "
                    + max.toMegabytes() + "MB, was " + size);
        }
    }

    /** Host name and process id: unique among the workers of a group. */
    static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
