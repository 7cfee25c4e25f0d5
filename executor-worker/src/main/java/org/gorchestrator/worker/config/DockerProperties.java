package org.gorchestrator.worker.config;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import org.gorchestrator.worker.driver.docker.DockerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.worker.docker.*}.
 *
 * @param host    the Docker Engine: {@code unix:///path/to/docker.sock} or {@code tcp://host:port}
 * @param memory  each container's memory limit (no swap on top)
 * @param cpus    each container's CPU limit, in CPUs ({@code 0.5}: half of one)
 * @param network the network each container joins: {@code bridge}, {@code none} or a network's name
 * @param pull    when images are pulled: {@code always}, {@code missing} or {@code never}
 */
@Validated
@ConfigurationProperties("gorch.worker.docker")
public record DockerProperties(
        @DefaultValue("unix:///var/run/docker.sock") @NotBlank String host,
        @DefaultValue("512MB") DataSize memory,
        @DefaultValue("1") @DecimalMin(value = "0", inclusive = false) double cpus,
        @DefaultValue("bridge") @NotBlank String network,
        @DefaultValue("missing") DockerSettings.Pull pull) {

    private static final double NANOS_PER_CPU = 1e9;

    DockerSettings toSettings() {
        return new DockerSettings(host, memory.toBytes(), Math.round(cpus * NANOS_PER_CPU), network, pull);
    }
}
