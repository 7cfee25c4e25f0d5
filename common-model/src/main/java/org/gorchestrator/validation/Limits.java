package org.gorchestrator.validation;

import java.util.Set;

/**
 * The explicit bounds a submitted document must respect.
 *
 * @param maxNodes        most nodes in one graph
 * @param maxEdges        most edges in one graph
 * @param maxArgs         most args of one node
 * @param maxArgLength    longest single arg, in characters
 * @param maxTextLength   longest name, engine, artifact, target or output name
 * @param maxTimeoutSeconds longest node or graph timeout a user may ask for
 * @param engines         the engine names a node may use
 * @param pools           the worker pools a node may name with target {@code pool:NAME}, besides {@code default}
 */
public record Limits(int maxNodes, int maxEdges, int maxArgs, int maxArgLength, int maxTextLength,
                     int maxTimeoutSeconds, Set<String> engines, Set<String> pools) {

    public static final Set<String> KNOWN_ENGINES = Set.of("nil", "sleep", "shell", "ansible", "docker", "ssh", "toscassh");

    public static final Limits DEFAULTS = new Limits(1_000, 100_000, 256, 8_192, 1_024, 7 * 24 * 3600, KNOWN_ENGINES, Set.of());

    /** Target prefix that names a worker pool rather than a host. */
    public static final String POOL_PREFIX = "pool:";
    public static final String DEFAULT_POOL = "default";

    /** Limits with no worker pool besides the default one. */
    public Limits(int maxNodes, int maxEdges, int maxArgs, int maxArgLength, int maxTextLength, int maxTimeoutSeconds, Set<String> engines) {
        this(maxNodes, maxEdges, maxArgs, maxArgLength, maxTextLength, maxTimeoutSeconds, engines, Set.of());
    }

    public Limits {
        requirePositive(maxNodes, "maxNodes");
        requirePositive(maxEdges, "maxEdges");
        requirePositive(maxArgs, "maxArgs");
        requirePositive(maxArgLength, "maxArgLength");
        requirePositive(maxTextLength, "maxTextLength");
        requirePositive(maxTimeoutSeconds, "maxTimeoutSeconds");
        engines = Set.copyOf(engines);
        pools = pools == null ? Set.of() : Set.copyOf(pools);
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("engines must name at least one engine");
        }
    }

    public Limits withMaxNodes(int n) {
        return new Limits(n, maxEdges, maxArgs, maxArgLength, maxTextLength, maxTimeoutSeconds, engines, pools);
    }

    public Limits withPools(Set<String> names) {
        return new Limits(maxNodes, maxEdges, maxArgs, maxArgLength, maxTextLength, maxTimeoutSeconds, engines, names);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
