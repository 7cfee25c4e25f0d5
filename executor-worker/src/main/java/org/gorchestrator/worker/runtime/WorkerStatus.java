package org.gorchestrator.worker.runtime;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What a worker is doing now.
 *
 * @param assigned   the node-command partitions it owns
 * @param rebalances the rebalances it has been through, its first join included
 * @param busy       nodes taken and not finished, queued or running
 * @param kills      kill requests read from the node-control topic, for any worker's attempts
 */
public record WorkerStatus(String workerId, Set<TopicPartition> assigned, int rebalances, int busy, long kills) {
    public WorkerStatus {
        assigned = Set.copyOf(assigned);
    }
}
