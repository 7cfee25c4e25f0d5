package org.gorchestrator.load;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * The bytes each topic holds on the broker's disks, read with the Admin API ({@code describeLogDirs}), so it works for a
 * remote cluster too. A partition counts once, by its largest replica: the figure is what the topic holds, whatever the
 * replication factor (the disks hold it that many times over).
 */
final class LogSizes implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    LogSizes(Map<String, Object> adminSettings) {
        this.admin = Admin.create(adminSettings);
    }

    /** Topic name to its bytes on disk, now. */
    Map<String, Long> read() {
        try {
            Collection<Node> brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return byTopic(admin.describeLogDirs(brokers.stream().map(Node::id).toList()).allDescriptions()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted reading the broker's log sizes", e);
        } catch (ExecutionException e) {
            throw new Unreadable("could not read the broker's log sizes: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new Unreadable("the broker did not tell its log sizes within " + TIMEOUT_SECONDS + " s (is --kafka its address?)", e);
        }
    }

    /**
     * Sums each topic's partitions, each by its largest current replica; a replica being moved to another directory
     * (a future replica) is a copy in transit and does not count.
     */
    static Map<String, Long> byTopic(Collection<Map<String, LogDirDescription>> brokers) {
        Map<TopicPartition, Long> partitions = new HashMap<>();
        for (Map<String, LogDirDescription> dirs : brokers) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    if (!replica.getValue().isFuture()) {
                        partitions.merge(replica.getKey(), replica.getValue().size(), Math::max);
                    }
                }
            }
        }
        Map<String, Long> topics = new TreeMap<>();
        partitions.forEach((partition, size) -> topics.merge(partition.topic(), size, Long::sum));
        return topics;
    }

    /** The broker could not be asked: the run's figures would be incomplete. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        // Not Admin's default, which waits for every pending call to time out (a minute, on a broker that never answered).
        admin.close(Duration.ofSeconds(1));
    }
}
