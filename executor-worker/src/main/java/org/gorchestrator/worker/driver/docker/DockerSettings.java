package org.gorchestrator.worker.driver.docker;

import java.util.Objects;

/**
 * @param host        where the engine listens: {@code unix:///path} or {@code tcp://host:port}
 * @param memoryBytes each container's memory limit
 * @param nanoCpus    each container's CPU limit, in billionths of a CPU
 * @param network     the network each container joins ({@code bridge}, {@code none}, a network's name)
 * @param pull        when images are pulled
 */
public record DockerSettings(String host, long memoryBytes, long nanoCpus, String network, Pull pull) {
    public DockerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(pull, "pull");
        if (memoryBytes < 6 * 1024 * 1024) {
            throw new IllegalArgumentException("the container memory limit must be at least 6MB (the engine's minimum), was " + memoryBytes + "B");
        }
        if (nanoCpus <= 0) {
            throw new IllegalArgumentException("the container CPU limit must be positive, was " + nanoCpus + " nano CPUs");
        }
        if (network.isBlank()) {
            throw new IllegalArgumentException("the container network must be named, e.g. bridge or none");
        }
    }

    public enum Pull {
        /** Before every run. */
        ALWAYS,
        /** When the engine does not have the image. */
        MISSING,
        /** Never: a missing image fails the node. */
        NEVER
    }
}
