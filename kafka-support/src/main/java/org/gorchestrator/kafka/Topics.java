package org.gorchestrator.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of the system, its name and how it is created. Workflow-keyed topics (commands,
 * node events, workflow events, workflow state) share one partition count: the conductor joins
 * commands and node events per workflow, so they must be co-partitioned.
 *
 * @param workflowCommands       submit and cancel, from the API to the conductor
 * @param nodeCommands           run node i of workflow w, from the conductor to the workers
 * @param nodeEvents             started, succeeded, failed, from the workers to the conductor
 * @param workflowEvents         every state change, for the API and other systems
 * @param workflowState          the latest state of each workflow (compacted), for the API's reads
 * @param nodeControl            kill requests for running attempts, from the conductor to every worker
 * @param nodeLogs               output lines of every attempt, from the workers to the API
 * @param partitions             partitions of the workflow-keyed topics
 * @param nodeCommandPartitions  partitions of node-commands: the most workers that can share the work
 * @param replicationFactor      replicas of every topic
 * @param eventRetention         how long workflow events are kept (the hand-offs between services: {@link #newTopics})
 * @param maxMessageBytes        largest record on any topic (a workflow's state grows with its size)
 * @param logRetention           how long node logs are kept
 * @param pools                  worker pools besides the default one; nodes of pool P (target {@code pool:P}) go to
 *                               topic {@code <nodeCommands>.P}, read only by workers that serve P
 */
public record Topics(String workflowCommands, String nodeCommands, String nodeEvents, String workflowEvents,
                     String workflowState, String nodeControl, String nodeLogs, int partitions, int nodeCommandPartitions, short replicationFactor,
                     Duration eventRetention, int maxMessageBytes, Duration logRetention, List<String> pools) {

    public static final Topics DEFAULTS = new Topics("gorch.workflow-commands", "gorch.node-commands", "gorch.node-events",
            "gorch.workflow-events", "gorch.workflow-state", "gorch.node-control", "gorch.node-logs", 6, 12, (short) 1,
            Duration.ofDays(7), 8 * 1024 * 1024, Duration.ofDays(7), List.of());

    /** A node whose target is {@code pool:NAME} runs on the workers of pool NAME. */
    public static final String POOL_PREFIX = "pool:";
    /** The pool of nodes with any other target, served by workers unless they say otherwise. */
    public static final String DEFAULT_POOL = "default";

    public Topics {
        Objects.requireNonNull(workflowCommands, "workflowCommands");
        Objects.requireNonNull(nodeCommands, "nodeCommands");
        Objects.requireNonNull(nodeEvents, "nodeEvents");
        Objects.requireNonNull(workflowEvents, "workflowEvents");
        Objects.requireNonNull(workflowState, "workflowState");
        Objects.requireNonNull(nodeControl, "nodeControl");
        Objects.requireNonNull(nodeLogs, "nodeLogs");
        Objects.requireNonNull(eventRetention, "eventRetention");
        Objects.requireNonNull(logRetention, "logRetention");
        pools = pools == null ? List.of() : pools.stream().map(String::trim).filter(p -> !p.isEmpty()).distinct().toList();
        for (String pool : pools) {
            if (!pool.matches("[A-Za-z0-9_-]+") || pool.equals(DEFAULT_POOL)) {
                throw new IllegalArgumentException("pool names are letters, digits, _ and -, and not '" + DEFAULT_POOL + "': " + pool);
            }
        }
        if (partitions < 1 || nodeCommandPartitions < 1 || replicationFactor < 1 || maxMessageBytes < 1024) {
            throw new IllegalArgumentException("partitions, nodeCommandPartitions and replicationFactor must be >= 1, maxMessageBytes >= 1024");
        }
    }

    /** The pool a node target names ({@code pool:gpu} → gpu), or the default pool. */
    public static String poolOf(String target) {
        return target != null && target.startsWith(POOL_PREFIX) ? target.substring(POOL_PREFIX.length()) : DEFAULT_POOL;
    }

    public boolean knowsPool(String pool) {
        return DEFAULT_POOL.equals(pool) || pools.contains(pool);
    }

    /** Where the commands of pool {@code pool} go; an undeclared pool gets the default topic. */
    public String nodeCommandsOfPool(String pool) {
        return DEFAULT_POOL.equals(pool) || !pools.contains(pool) ? nodeCommands : nodeCommands + "." + pool;
    }

    /**
     * The topics to create when missing. The hand-offs between the services (workflow commands, node commands, node
     * events, node control) are read within moments by the conductor or the workers, so they keep their records for
     * {@code handOffRetention}, not for the {@code eventRetention} of the public workflow events; their segments roll
     * at a quarter of it, since the broker deletes whole segments only (a segment kept until it fills would hold the
     * records of a quiet system for days).
     */
    public List<NewTopic> newTopics(Duration handOffRetention) {
        Map<String, String> events = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(eventRetention.toMillis()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes));
        Map<String, String> handOffs = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(handOffRetention.toMillis()),
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Math.max(1, handOffRetention.toMillis() / 4)),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes));
        Map<String, String> logs = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(logRetention.toMillis()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes));
        Map<String, String> compacted = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes));
        return concat(List.of(
                topic(workflowCommands, partitions, handOffs),
                topic(nodeEvents, partitions, handOffs),
                topic(workflowEvents, partitions, events),
                topic(workflowState, partitions, compacted),
                topic(nodeCommands, nodeCommandPartitions, handOffs),
                topic(nodeControl, partitions, handOffs),
                topic(nodeLogs, partitions, logs)),
                pools.stream().map(pool -> topic(nodeCommandsOfPool(pool), nodeCommandPartitions, handOffs)).toList());
    }

    private static List<NewTopic> concat(List<NewTopic> a, List<NewTopic> b) {
        List<NewTopic> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private NewTopic topic(String name, int count, Map<String, String> configs) {
        return new NewTopic(name, count, replicationFactor).configs(configs);
    }
}
