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
 * @param maxDocumentBytes most bytes of the document's state once every node ran (see {@link StateSize}): the
 *                        workflow's state is one record, which must fit the record limit with the outputs and
 *                        retries still to come
 */
public record Limits(int maxNodes, int maxEdges, int maxArgs, int maxArgLength, int maxTextLength,
                     int maxTimeoutSeconds, Set<String> engines, Set<String> pools, long maxDocumentBytes) {

    public static final Set<String> KNOWN_ENGINES = Set.of("nil", "sleep", "shell", "ansible", "docker", "ssh", "toscassh");

    /** Half of the default 8 MB record: the rest is for outputs (2 MB by default) and retries. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 4L * 1024 * 1024;

    public static final Limits DEFAULTS = new Limits(1_000, 100_000, 256, 8_192, 1_024, 7 * 24 * 3600, KNOWN_ENGINES, Set.of(),
            DEFAULT_MAX_DOCUMENT_BYTES);

    /** Target prefix that names a worker pool rather than a host. */
    public static final String POOL_PREFIX = "pool:";
    public static final String DEFAULT_POOL = "default";

    /** Limits with no worker pool besides the default one and the default document size. */
    public Limits(int maxNodes, int maxEdges, int maxArgs, int maxArgLength, int maxTextLength, int maxTimeoutSeconds, Set<String> engines) {
        this(maxNodes, maxEdges, maxArgs, maxArgLength, maxTextLength, maxTimeoutSeconds, engines, Set.of(), DEFAULT_MAX_DOCUMENT_BYTES);
    }

    public Limits {
        requirePositive(maxNodes, "maxNodes");
        requirePositive(maxEdges, "maxEdges");
        requirePositive(maxArgs, "maxArgs");
        requirePositive(maxArgLength, "maxArgLength");
        requirePositive(maxTextLength, "maxTextLength");
        requirePositive(maxTimeoutSeconds, "maxTimeoutSeconds");
        if (maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive, was " + maxDocumentBytes);
        }
        engines = Set.copyOf(engines);
        pools = pools == null ? Set.of() : Set.copyOf(pools);
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("engines must name at least one engine");
        }
    }

    public Limits withMaxNodes(int n) {
        return new Limits(n, maxEdges, maxArgs, maxArgLength, maxTextLength, maxTimeoutSeconds, engines, pools, maxDocumentBytes);
    }

    public Limits withPools(Set<String> names) {
        return new Limits(maxNodes, maxEdges, maxArgs, maxArgLength, maxTextLength, maxTimeoutSeconds, engines, names, maxDocumentBytes);
    }

    public Limits withMaxDocumentBytes(long bytes) {
        return new Limits(maxNodes, maxEdges, maxArgs, maxArgLength, maxTextLength, maxTimeoutSeconds, engines, pools, bytes);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
