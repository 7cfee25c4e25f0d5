package org.gorchestrator.kafka.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gorchestrator.kafka.ClientRoles;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code gorch.workflow-events} in a consumer group on its own thread and calls a typed
 * {@link Handler}, in order per workflow. No Spring needed: {@code start()}, then {@code close()}.
 *
 * <p>Delivery is at-least-once: offsets are committed only after the handler returned, so after a
 * crash or a rebalance a handler may see an event again. Drop duplicates by
 * {@link CloudEvents#id(WorkflowEvent)} (the CloudEvents {@code id}), which is the same for the same
 * change. A handler that throws gets the same event again a second later.
 * Records that are not workflow CloudEvents are skipped with a WARN; CloudEvents of other types (the outcomes of
 * Kafka-native submissions, types a later version adds) are skipped silently.
 *
 * <p>With {@code replayLimit > 0} the listener rebuilds each workflow's document from its events
 * ({@link WorkflowReplay}) and hands it to {@link Handler#onFinished}. It keeps the last
 * {@code replayLimit} workflows; a workflow it did not see submitted (read before this group's
 * committed offset, on another member, or evicted) gets no {@code onFinished}.
 */
public final class WorkflowEventListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkflowEventListener.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    /** One method per kind of event; all optional. Called on the listener's thread, one event at a time. */
    public interface Handler {
        /** A workflow of more than 1,000 nodes comes without them ({@code workflow.submitted.v2}): its node events bring them. */
        default void onSubmitted(WorkflowEvent.Submitted event) {}

        default void onNodeChanged(WorkflowEvent.NodeChanged event) {}

        /** Started, rerun or finished (then {@link #onFinished} follows when the graph could be rebuilt). */
        default void onWorkflowChanged(WorkflowEvent.WorkflowChanged event) {}

        /**
         * The workflow finished; {@code graph} is its document rebuilt from its events (needs replay): for a workflow of
         * more than 1,000 nodes, the nodes its events brought (every node that was dispatched, canceled or not runnable).
         */
        default void onFinished(WorkflowEvent.WorkflowChanged event, Graph graph) {}
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Handler handler;
    private final Map<String, WorkflowReplay> replays;
    private final int replayLimit;
    private final CloudEventSerde serde = new CloudEventSerde();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param consumerProperties at least {@code bootstrap.servers} and {@code group.id}; isolation
     *     level, auto-commit and deserializers are set here ({@link ClientRoles#committedReader})
     * @param replayLimit how many workflows to rebuild at once for {@code onFinished}; 0 for none
     */
    public WorkflowEventListener(Map<String, Object> consumerProperties, String topic, int replayLimit, Handler handler) {
        if (replayLimit < 0) {
            throw new IllegalArgumentException("replayLimit must be >= 0, was " + replayLimit);
        }
        Map<String, Object> config = ClientRoles.committedReader(consumerProperties);
        Objects.requireNonNull(config.get(ConsumerConfig.GROUP_ID_CONFIG), "consumer property group.id");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.replayLimit = replayLimit;
        this.replays = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, WorkflowReplay> eldest) {
                return size() > WorkflowEventListener.this.replayLimit;
            }
        };
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "workflow-event-listener-" + topic);
    }

    public WorkflowEventListener start() {
        thread.start();
        return this;
    }

    /** Stops polling, commits nothing more than what was handled, closes the consumer and waits for the thread. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        if (thread.isAlive()) {
            thread.join();
        } else {
            consumer.close();
        }
    }

    private void run() {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            while (running) {
                handleBatch(consumer.poll(POLL));
            }
        } catch (WakeupException | InterruptedException e) {
            // close() was called
        } catch (RuntimeException e) {
            log.error("workflow event listener on {} stopped", topic, e);
        }
    }

    /** Handles records in order, committing after each partition's handled ones; on a handler failure, rewinds to the failed record. */
    private void handleBatch(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            try {
                handle(record);
            } catch (RuntimeException e) {
                log.warn("handler failed on {} offset {}, retrying in {}", partition, record.offset(), RETRY_BACKOFF, e);
                commit(handled);
                rewind(records, handled);
                Thread.sleep(RETRY_BACKOFF.toMillis());
                return;
            }
            handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        commit(handled);
    }

    /** A commit refused because the group rebalanced meanwhile is no error: the new owner gets those events again. */
    private void commit(Map<TopicPartition, OffsetAndMetadata> handled) {
        try {
            consumer.commitSync(handled);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("could not commit {} (the group rebalanced): those events will be handled again", handled, e);
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> handled) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata next = handled.get(partition);
            consumer.seek(partition, next != null ? next.offset() : records.records(partition).get(0).offset());
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        WorkflowEvent event;
        try {
            event = serde.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            log.warn("skipping {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (event != null) {
            dispatch(event);
        }
    }

    private void dispatch(WorkflowEvent event) {
        WorkflowReplay replay = replay(event);
        if (event instanceof WorkflowEvent.Submitted submitted) {
            handler.onSubmitted(submitted);
        } else if (event instanceof WorkflowEvent.NodeChanged changed) {
            handler.onNodeChanged(changed);
        } else {
            WorkflowEvent.WorkflowChanged changed = (WorkflowEvent.WorkflowChanged) event;
            handler.onWorkflowChanged(changed);
            if (changed.state().isFinished() && replay != null) {
                handler.onFinished(changed, replay.graph());
            }
        }
    }

    /** The workflow's replay with this event applied, or null when replay is off or its submission was not seen. */
    private WorkflowReplay replay(WorkflowEvent event) {
        if (replayLimit == 0) {
            return null;
        }
        WorkflowReplay replay = event instanceof WorkflowEvent.Submitted
                ? replays.computeIfAbsent(event.workflowId(), id -> new WorkflowReplay())
                : replays.get(event.workflowId());
        if (replay != null) {
            replay.apply(event);
        }
        return replay;
    }
}
