package org.gorchestrator.api.admission;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the lags with the Kafka Admin client, as {@code kafka-consumer-groups.sh --describe} does: per partition, its
 * end offset less the group's position. A partition the group never committed counts from its earliest offset, where
 * the conductor and the workers start ({@code auto.offset.reset=earliest}).
 */
public final class KafkaLagSource implements LagSource {
    private final Admin admin;
    private final List<BacklogTopic> watched;
    private final Duration timeout;

    /** @param timeout the longest one read may take */
    public KafkaLagSource(Admin admin, List<BacklogTopic> watched, Duration timeout) {
        this.admin = admin;
        this.watched = List.copyOf(watched);
        this.timeout = timeout;
    }

    @Override
    public List<Lag> read() throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<TopicPartition>> partitions = partitions(deadline);
        List<TopicPartition> all = partitions.values().stream().flatMap(List::stream).toList();
        // The conductor and the workers read committed records only: the end that matters is the last stable offset.
        Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest(), deadline);
        Map<TopicPartition, Long> starts = offsets(all, OffsetSpec.earliest(), deadline);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committed(partitions, deadline);
        return watched.stream().map(topic -> {
            Map<TopicPartition, OffsetAndMetadata> positions = committed.getOrDefault(topic.group(), Map.of());
            long lag = partitions.get(topic.topic()).stream()
                    .mapToLong(p -> lag(ends.get(p), starts.get(p), positions.get(p)))
                    .sum();
            return new Lag(topic, lag);
        }).toList();
    }

    @Override
    public void close() {
        admin.close(timeout);
    }

    private static long lag(long end, long start, OffsetAndMetadata committed) {
        long position = committed == null ? start : Math.max(start, committed.offset());
        return Math.max(0, end - position);
    }

    private Map<String, List<TopicPartition>> partitions(long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = watched.stream().map(BacklogTopic::topic).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, TopicDescription> described = get(admin.describeTopics(names).allTopicNames(), deadline);
        return described.values().stream().collect(Collectors.toMap(TopicDescription::name, topic -> topic.partitions().stream()
                .map(p -> new TopicPartition(topic.name(), p.partition())).toList()));
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> found = get(
                admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all(), deadline);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        found.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committed(Map<String, List<TopicPartition>> partitions, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Set<TopicPartition>> byGroup = new HashMap<>();
        watched.forEach(topic -> byGroup.computeIfAbsent(topic.group(), group -> new LinkedHashSet<>()).addAll(partitions.get(topic.topic())));
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        byGroup.forEach((group, owned) -> specs.put(group, new ListConsumerGroupOffsetsSpec().topicPartitions(owned)));
        return get(admin.listConsumerGroupOffsets(specs).all(), deadline);
    }

    private static <T> T get(KafkaFuture<T> future, long deadline) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
