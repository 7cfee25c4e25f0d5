package org.gorchestrator.load;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * The bytes each topic holds on the broker's disks and the records written to it, read with the Admin API
 * ({@code describeLogDirs}, {@code listOffsets}), so it works for a remote cluster too. A partition's bytes count once,
 * by its largest replica: the figure is what the topic holds, whatever the replication factor (the disks hold it that
 * many times over). Its records are its end offset: every record ever appended, the transaction markers the broker
 * writes at each commit among them, however many were deleted or compacted since.
 */
final class LogSizes implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    LogSizes(Map<String, Object> adminSettings) {
        this.admin = Admin.create(adminSettings);
    }

    /**
     * Per topic, now.
     *
     * @param bytes   topic name to its bytes on disk
     * @param records topic name to the records appended to it so far (its partitions' end offsets summed)
     */
    record Totals(Map<String, Long> bytes, Map<String, Long> records) {
        Totals {
            bytes = Map.copyOf(bytes);
            records = Map.copyOf(records);
        }
    }

    /** Every topic's bytes and records, now. */
    Totals read() {
        try {
            Collection<Node> brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Long> bytes = byTopic(admin.describeLogDirs(brokers.stream().map(Node::id).toList()).allDescriptions()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values());
            return new Totals(bytes, records());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreadable("interrupted reading the broker's log sizes", e);
        } catch (ExecutionException e) {
            throw new BrokerUnreadable("could not read the broker's log sizes: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new BrokerUnreadable("the broker did not tell its log sizes within " + TIMEOUT_SECONDS + " s (is --kafka its address?)", e);
        }
    }

    private Map<String, Long> records() throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<String, Long> records = new TreeMap<>();
        admin.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, end) -> records.merge(partition.topic(), end.offset(), Long::sum));
        return records;
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

    @Override
    public void close() {
        // Not Admin's default, which waits for every pending call to time out (a minute, on a broker that never answered).
        admin.close(Duration.ofSeconds(1));
    }
}
