package org.gorchestrator.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.gorchestrator.validation.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.api.*}, mapped onto {@link ApiSettings} by {@link #toConfig()}.
 *
 * @param enabled                whether this process serves the HTTP API
 * @param maxBodySize            largest accepted POST body
 * @param limits                 bounds a submitted document must respect
 * @param defaultPageSize        list items when the request gives no limit
 * @param maxPageSize            most list items one request may ask for
 * @param readYourWritesWait     how long a read of an id not yet in the view waits for it before 404
 * @param submitTimeout          how long a submit or cancel waits for the broker's acknowledgement before 503
 * @param recentSubmissionsMaxSize most bytes of JSON the just-accepted submissions this instance remembers for reads
 *                               (until its view shows them) take together
 * @param recentSubmissionsTtl   how long it remembers each of them at most
 * @param idempotencyWait        how long a submit with an Idempotency-Key waits for the view to show which document won
 * @param maxWait                longest {@code wait} a read may ask for its task to finish
 * @param maxWaitingReads        most reads this instance holds waiting at once
 * @param logs                   how node logs are followed
 * @param stateDir               where the view keeps its store; not set: {@code <java.io.tmpdir>/gorch-api}
 * @param instanceId             tells apart API instances sharing a state directory
 * @param admission              when submissions are refused because of the backlog
 * @param delivery               how submissions the broker did not confirm in time are followed
 */
@Validated
@ConfigurationProperties("gorch.api")
public record ApiProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue @Valid LimitsProperties limits,
        @DefaultValue("50") @Min(1) int defaultPageSize,
        @DefaultValue("500") @Min(1) int maxPageSize,
        @DefaultValue("2s") @NotNull Duration readYourWritesWait,
        @DefaultValue("10s") @NotNull Duration submitTimeout,
        @DefaultValue("16MB") @NotNull DataSize recentSubmissionsMaxSize,
        @DefaultValue("5m") @NotNull Duration recentSubmissionsTtl,
        @DefaultValue("5s") @NotNull Duration idempotencyWait,
        @DefaultValue("60s") @NotNull Duration maxWait,
        @DefaultValue("10000") @Min(1) int maxWaitingReads,
        @DefaultValue @Valid LogsProperties logs,
        Path stateDir,
        @DefaultValue("1") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String instanceId,
        @DefaultValue @Valid AdmissionProperties admission,
        @DefaultValue @Valid DeliveryProperties delivery) {

    /**
     * {@code gorch.api.limits.*}, see {@link Limits}.
     *
     * @param maxNodes      most nodes in one graph
     * @param maxEdges      most edges in one graph
     * @param maxArgs       most args of one node
     * @param maxArgLength  longest single arg, in characters
     * @param maxTextLength longest name, artifact, target or output name, in characters
     * @param maxTimeout    longest graph or node timeout a document may ask for
     * @param engines       the engine names a node may use
     * @param maxDocumentSize most bytes of the document's state once every node ran (the record the conductor keeps
     *                      for it); below gorch.kafka.max-message-size, with room for the outputs the conductor allows
     *                      (gorch.conductor.max-workflow-outputs-size)
     */
    public record LimitsProperties(
            @DefaultValue("1000") @Min(1) int maxNodes,
            @DefaultValue("100000") @Min(1) int maxEdges,
            @DefaultValue("256") @Min(1) int maxArgs,
            @DefaultValue("8192") @Min(1) int maxArgLength,
            @DefaultValue("1024") @Min(1) int maxTextLength,
            @DefaultValue("7d") @NotNull Duration maxTimeout,
            @DefaultValue({"nil", "sleep", "shell", "ansible", "docker", "ssh", "toscassh"}) @NotEmpty Set<String> engines,
            @DefaultValue("4MB") @NotNull DataSize maxDocumentSize) {

        Limits toLimits() {
            return new Limits(maxNodes, maxEdges, maxArgs, maxArgLength, maxTextLength,
                    (int) Math.min(Integer.MAX_VALUE, maxTimeout.toSeconds()), engines, Set.of(), maxDocumentSize.toBytes());
        }
    }

    /**
     * {@code gorch.api.logs.*}, see {@link LogSettings}.
     *
     * @param finishGrace  how long a followed log stays open after its node finished without a last chunk
     * @param maxFollowers most logs this instance streams at once
     */
    public record LogsProperties(
            @DefaultValue("2s") @NotNull Duration finishGrace,
            @DefaultValue("256") @Min(1) int maxFollowers) {

        LogSettings toSettings() {
            return new LogSettings(finishGrace, maxFollowers);
        }
    }

    /**
     * {@code gorch.api.admission.*}, see {@link AdmissionSettings}. The groups' defaults are those of the conductor and
     * the workers (gorch-api-defaults.properties makes them follow {@code gorch.conductor.application-id} and
     * {@code gorch.worker.group-id} when this configuration sets those).
     */
    public record AdmissionProperties(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("10s") @NotNull Duration staleAfter,
            @DefaultValue("10000") @Min(0) long maxWorkflowCommandsLag,
            @DefaultValue("50000") @Min(0) long maxNodeEventsLag,
            @DefaultValue("50000") @Min(0) long maxNodeCommandsLag,
            @DefaultValue("5s") @NotNull Duration retryAfter,
            @DefaultValue("gorch-conductor") @NotBlank String conductorGroup,
            @DefaultValue("gorch-workers") @NotBlank String workerGroup) {

        AdmissionSettings toSettings() {
            return new AdmissionSettings(enabled, pollInterval, staleAfter, maxWorkflowCommandsLag, maxNodeEventsLag, maxNodeCommandsLag,
                    retryAfter, conductorGroup, workerGroup);
        }
    }

    /** {@code gorch.api.delivery.*}, see {@link DeliverySettings}. */
    public record DeliveryProperties(
            @DefaultValue("30s") @NotNull Duration timeout,
            @DefaultValue("10000") @Min(1) int outcomesKept,
            @DefaultValue("1h") @NotNull Duration outcomesTtl) {

        DeliverySettings toSettings() {
            return new DeliverySettings(timeout, outcomesKept, outcomesTtl);
        }
    }

    public ApiSettings toConfig() {
        Path dir = stateDir != null ? stateDir : Path.of(System.getProperty("java.io.tmpdir"), "gorch-api");
        return new ApiSettings(maxBodySize.toBytes(), limits.toLimits(), defaultPageSize, maxPageSize, readYourWritesWait,
                submitTimeout, recentSubmissionsMaxSize.toBytes(), recentSubmissionsTtl, idempotencyWait, maxWait, maxWaitingReads, logs.toSettings(), dir,
                instanceId, admission.toSettings(), delivery.toSettings());
    }
}
