package org.gorchestrator.worker.driver.docker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.NodeEnvironment;

/**
 * The body of {@code POST /containers/create}: the image, the node's args as its command (exec form,
 * no shell; none: the image's own), the node's identity in {@code GORCH_*} variables and in labels,
 * and the limits. Nothing widens the container's rights: not privileged, no capability added, no
 * mount, no new privileges through setuid binaries.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ContainerSpec(
        @JsonProperty("Image") String image,
        @JsonProperty("Cmd") List<String> cmd,
        @JsonProperty("Env") List<String> env,
        @JsonProperty("Labels") Map<String, String> labels,
        // No TTY: the logs then come as separate stdout and stderr streams.
        @JsonProperty("Tty") @JsonInclude(JsonInclude.Include.ALWAYS) boolean tty,
        @JsonProperty("HostConfig") HostConfig hostConfig) {

    private static final String LABEL_PREFIX = "org.gorchestrator.";

    static ContainerSpec of(NodeCommand command, DockerSettings settings) {
        List<String> env = new ArrayList<>();
        NodeEnvironment.identity(command).forEach((name, value) -> env.add(name + "=" + value));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_PREFIX + "workflow-id", command.workflowId());
        labels.put(LABEL_PREFIX + "node-id", Integer.toString(command.nodeId()));
        labels.put(LABEL_PREFIX + "attempt", Integer.toString(command.attempt()));
        HostConfig limits = new HostConfig(settings.memoryBytes(), settings.memoryBytes(), settings.nanoCpus(), settings.network(),
                false, false, List.of("no-new-privileges:true"));
        return new ContainerSpec(command.artifact(), command.args(), env, labels, false, limits);
    }

    /** {@code MemorySwap} equal to {@code Memory}: no swap on top of the memory limit. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HostConfig(
            @JsonProperty("Memory") long memory,
            @JsonProperty("MemorySwap") long memorySwap,
            @JsonProperty("NanoCpus") long nanoCpus,
            @JsonProperty("NetworkMode") String networkMode,
            @JsonProperty("Privileged") boolean privileged,
            @JsonProperty("AutoRemove") boolean autoRemove,
            @JsonProperty("SecurityOpt") List<String> securityOpt) {}
}
