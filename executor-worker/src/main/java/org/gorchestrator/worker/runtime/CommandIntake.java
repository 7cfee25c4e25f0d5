package org.gorchestrator.worker.runtime;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.Texts;
import org.gorchestrator.worker.runtime.InFlightOffsets.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * On the consumer thread: tracks each node command record and hands the node to the pool; on a
 * rebalance, forgets the partitions that went elsewhere. Never blocks, so the consumer keeps polling.
 */
final class CommandIntake implements AcknowledgingMessageListener<String, byte[]>, ConsumerAwareRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(CommandIntake.class);
    private static final int LOGGED_ERROR_CHARS = 300;

    private final InFlightOffsets offsets;
    private final NodePool pool;
    private final Deserializer<NodeCommand> commands;
    private final Runnable beforeTakingOver;
    private final AtomicInteger rebalances = new AtomicInteger();

    /** @param beforeTakingOver runs before the commands of newly assigned partitions are read */
    CommandIntake(InFlightOffsets offsets, NodePool pool, Deserializer<NodeCommand> commands, Runnable beforeTakingOver) {
        this.offsets = offsets;
        this.pool = pool;
        this.commands = commands;
        this.beforeTakingOver = beforeTakingOver;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record, Acknowledgment ack) {
        Ticket ticket = offsets.take(new TopicPartition(record.topic(), record.partition()), record.offset(), ack);
        NodeCommand command = decode(record);
        if (command == null) {
            offsets.finish(ticket);
        } else {
            // The node runs on another thread: its trace context goes along with it.
            pool.submit(ticket, command, TraceHeaders.traceparent(record.headers()));
        }
    }

    /** Before the container commits what was acknowledged: later acks for these partitions must not be committed. */
    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        offsets.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        rebalances.incrementAndGet();
        if (!partitions.isEmpty()) {
            // Their uncommitted commands may be running still under a worker that died here: those end first.
            beforeTakingOver.run();
        }
    }

    int rebalances() {
        return rebalances.get();
    }

    /** @return the command, or null for a record that is not one (skipped and committed: it can never run) */
    private NodeCommand decode(ConsumerRecord<String, byte[]> record) {
        try {
            NodeCommand command = commands.deserialize(record.topic(), record.value());
            if (command == null) {
                LOG.warn("skipping the empty record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
            return command;
        } catch (SerializationException e) {
            LOG.warn("skipping the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    Texts.clip(String.valueOf(e.getMessage()), LOGGED_ERROR_CHARS));
            return null;
        }
    }
}
