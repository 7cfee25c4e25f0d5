package org.gorchestrator.conductor.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.gorchestrator.conductor.schedules.SchedulerProcessor;
import org.gorchestrator.conductor.schedules.SchedulerSettings;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.streams.LatestByKeyProcessor;
import org.gorchestrator.kafka.StartTopics;
import org.gorchestrator.schedule.Schedule;
import org.gorchestrator.template.Template;
import org.gorchestrator.kafka.Topic;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.TypedTopics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.StateRecords;

/**
 * The conductor's whole Kafka Streams topology, and every source, processor, store and sink name
 * in it. Two inputs (workflow commands, node events), each read by an {@link InputReader} (the commands joined first
 * when they came in parts, {@link CommandParts}), one processor that owns the per-workflow state, four outputs (node
 * commands, workflow events, workflow state, and the dead letters: the input records the readers or the engine refused):
 *
 * <pre>
 *  gorch.workflow-commands ─► parts ─► reader ─┐                      ┌─► gorch.node-commands[.pool] (key workflow/node)
 *                  [store command parts]       ├─► workflow-engine ───┼─► gorch.workflow-events (key workflow)
 *  gorch.node-events ────────────────► reader ─┘   [store workflows]  ├─► gorch.workflow-state  (key workflow, compacted;
 *                                                                     │    node changes batched, see StatePublisher)
 *  (parts, readers and engine) ───────────────────────────────────────┴─► gorch.dead-letters (refused records, reason in headers)
 * </pre>
 *
 * <p>With the scheduler ({@link #addTo(Topology, StartTopics, SchedulerSettings)}), the engine also tells it when a run a
 * schedule started has finished, on {@code gorch.schedule-runs} keyed by schedule name: the engine has the run's
 * document, which names its schedule, so nothing needs to read the workflow events back for it.
 *
 * <p>Every forwarded record carries the W3C {@code traceparent} of the input it was decided on
 * (see {@link TraceContexts}).
 */
public final class ConductorTopology {
    public static final String COMMANDS_SOURCE = "workflow-commands-source";
    public static final String NODE_EVENTS_SOURCE = "node-events-source";
    /** Joins the commands that come in parts ({@link CommandParts}), before the commands' reader. */
    public static final String COMMAND_PARTS = "workflow-command-parts";
    /** The parts of commands waiting for the rest of their send: workflow id, send and index to the part's arrival and bytes. */
    public static final String COMMAND_PARTS_STORE = "workflow-command-parts";
    public static final String COMMANDS_READER = "workflow-commands-reader";
    public static final String NODE_EVENTS_READER = "node-events-reader";
    public static final String ENGINE_PROCESSOR = "workflow-engine";
    public static final String WORKFLOW_STORE = "workflows";
    public static final String TIMER_STORE = "workflow-timers";
    /** Workflow id to the trace context of its current pass, for the records its timers cause. */
    public static final String TRACE_STORE = "workflow-traces";
    /** Workflow id to the trace context of its change, for the workflows whose latest document waits to be published. */
    public static final String UNPUBLISHED_STORE = "workflow-unpublished";
    public static final String NODE_CONTROL_SINK = "node-control-sink";
    public static final String NODE_COMMANDS_SINK = "node-commands-sink";
    public static final String WORKFLOW_EVENTS_SINK = "workflow-events-sink";
    public static final String WORKFLOW_STATE_SINK = "workflow-state-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";
    // The scheduler (org.gorchestrator.conductor.schedules), added by addTo(topology, start, schedulerSettings).
    public static final String SCHEDULES_SOURCE = "schedules-source";
    public static final String SCHEDULE_RUNS_SOURCE = "schedule-runs-source";
    public static final String SCHEDULE_TEMPLATES_SOURCE = "schedule-templates-source";
    public static final String SCHEDULER_PROCESSOR = "scheduler";
    public static final String SCHEDULE_TEMPLATES_PROCESSOR = "schedule-templates";
    public static final String SCHEDULED_COMMANDS_SINK = "scheduled-commands-sink";
    /** Schedule name to what the scheduler keeps of it (ScheduleState JSON). */
    public static final String SCHEDULE_STORE = "schedules";
    /** Every template (global), for the runs the scheduler starts. */
    public static final String SCHEDULE_TEMPLATES_STORE = "schedule-templates";
    /** A finished run a schedule started (its workflow id), keyed by schedule name: from the engine to the scheduler. */
    public static final String SCHEDULE_RUNS_SINK = "schedule-runs-sink";

    private final TypedTopics typed;
    private final ConductorSettings settings;
    private final ConductorMetrics metrics;
    private final RecordTracing tracing;
    private final UnwritableRecords unwritable;

    public ConductorTopology(Topics topics, ConductorSettings settings, ConductorMetrics metrics, RecordTracing tracing,
                             UnwritableRecords unwritable) {
        this.typed = TypedTopics.of(topics);
        this.settings = settings;
        this.metrics = metrics;
        this.tracing = tracing;
        this.unwritable = unwritable;
    }

    /** A topology whose production errors nobody reports (the topology test driver writes every record). */
    public ConductorTopology(Topics topics, ConductorSettings settings, ConductorMetrics metrics, RecordTracing tracing) {
        this(topics, settings, metrics, tracing, new UnwritableRecords(metrics));
    }

    public Topology build() {
        return addTo(new Topology());
    }

    /**
     * Adds the conductor's nodes, without the scheduler, to {@code topology} (spring-kafka hands us the one it runs). The
     * inputs are read as bytes, decoded by the readers, so that a record they cannot read goes to the dead letters as it came.
     */
    public Topology addTo(Topology topology) {
        return addEngineTo(topology, false);
    }

    /**
     * Adds the conductor's nodes and the scheduler: it fires the schedules of {@code start.schedules()} as submits on the
     * workflow commands topic, and learns which of its runs finished from the engine (through {@code start.scheduleRuns()},
     * keyed by schedule), for the overlap policies.
     */
    public Topology addTo(Topology topology, StartTopics start, SchedulerSettings schedulerSettings) {
        addEngineTo(topology, true);
        StringDeserializer keys = new StringDeserializer();
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCHEDULE_TEMPLATES_STORE), Serdes.String(),
                        JsonSerde.of(Template.class)).withLoggingDisabled(), SCHEDULE_TEMPLATES_SOURCE, keys, JsonSerde.of(Template.class),
                start.templates(), SCHEDULE_TEMPLATES_PROCESSOR, () -> new LatestByKeyProcessor<Template>(SCHEDULE_TEMPLATES_STORE));
        topology.addSource(SCHEDULES_SOURCE, keys, JsonSerde.of(Schedule.class), start.schedules());
        topology.addSource(SCHEDULE_RUNS_SOURCE, keys, new StringDeserializer(), start.scheduleRuns());
        topology.addProcessor(SCHEDULER_PROCESSOR, () -> new SchedulerProcessor(schedulerSettings), SCHEDULES_SOURCE, SCHEDULE_RUNS_SOURCE);
        topology.addStateStore(stringStore(SCHEDULE_STORE), SCHEDULER_PROCESSOR);
        addSink(topology, SCHEDULED_COMMANDS_SINK, typed.workflowCommands(), SCHEDULER_PROCESSOR);
        topology.addSink(SCHEDULE_RUNS_SINK, start.scheduleRuns(), new StringSerializer(), new StringSerializer(), ENGINE_PROCESSOR);
        return topology;
    }

    /** @param scheduleRuns whether the engine tells the scheduler when a run a schedule started finishes */
    private Topology addEngineTo(Topology topology, boolean scheduleRuns) {
        StringSerializer keyOut = new StringSerializer();
        ByteArrayDeserializer values = new ByteArrayDeserializer();
        ByteArraySerializer valuesOut = new ByteArraySerializer();
        long deadLetterBytes = settings.maxStateBytes(); // leaves a record's allowance for the key and headers
        Topic<String, WorkflowCommand> commands = typed.workflowCommands();
        Topic<String, NodeEvent> nodeEvents = typed.nodeEvents();
        topology.addSource(COMMANDS_SOURCE, commands.keyDeserializer(), values, commands.name());
        topology.addSource(NODE_EVENTS_SOURCE, nodeEvents.keyDeserializer(), values, nodeEvents.name());
        topology.addProcessor(COMMAND_PARTS, () -> new CommandParts(settings, metrics), COMMANDS_SOURCE);
        topology.addStateStore(bytesStore(COMMAND_PARTS_STORE), COMMAND_PARTS);
        topology.addProcessor(COMMANDS_READER, () -> new InputReader<>(WorkflowCommand.class, metrics, deadLetterBytes), COMMAND_PARTS);
        topology.addProcessor(NODE_EVENTS_READER, () -> new InputReader<>(NodeEvent.class, metrics, deadLetterBytes), NODE_EVENTS_SOURCE);
        topology.addProcessor(ENGINE_PROCESSOR, () -> new WorkflowProcessor(settings, metrics, tracing, unwritable, typed.workflowState().name(),
                        scheduleRuns),
                COMMANDS_READER, NODE_EVENTS_READER);
        topology.addStateStore(bytesStore(WORKFLOW_STORE), ENGINE_PROCESSOR);
        topology.addStateStore(stringStore(TIMER_STORE), ENGINE_PROCESSOR);
        topology.addStateStore(stringStore(TRACE_STORE), ENGINE_PROCESSOR);
        topology.addStateStore(stringStore(UNPUBLISHED_STORE), ENGINE_PROCESSOR);
        // Every pool's topic carries the same records: one serde, the topic picked per command.
        Topic<String, NodeCommand> nodeCommands = typed.nodeCommands(Topics.DEFAULT_POOL);
        TopicNameExtractor<String, NodeCommand> byPool = (key, command, context) -> typed.nodeCommands(Topics.poolOf(command.target())).name();
        topology.addSink(NODE_COMMANDS_SINK, byPool, nodeCommands.keySerializer(), nodeCommands.valueSerializer(), ENGINE_PROCESSOR);
        addSink(topology, NODE_CONTROL_SINK, typed.nodeControl(), ENGINE_PROCESSOR);
        addSink(topology, WORKFLOW_EVENTS_SINK, typed.workflowEvents().withRawValues(), ENGINE_PROCESSOR);
        // The processor sends the document as the JSON bytes it just stored.
        topology.addSink(WORKFLOW_STATE_SINK, typed.workflowState().name(), typed.workflowState().keySerializer(),
                typed.workflowState().valueSerializer(), byWorkflow(), ENGINE_PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, settings.deadLetterTopic(), keyOut, valuesOut, COMMAND_PARTS, COMMANDS_READER, NODE_EVENTS_READER,
                ENGINE_PROCESSOR);
        return topology;
    }

    /**
     * The state topic's partition of a record: its workflow's, as the producer's own partitioner places the workflow id,
     * so that the parts of a workflow in parts ({@link StateRecords}) stay in order with its header.
     */
    private static StreamPartitioner<String, byte[]> byWorkflow() {
        return (topic, key, value, partitions) -> Optional.of(Set.of(
                Utils.toPositive(Utils.murmur2(StateRecords.workflowOf(key).getBytes(StandardCharsets.UTF_8))) % partitions));
    }

    private static <K, V> void addSink(Topology topology, String name, Topic<K, V> topic, String... parents) {
        topology.addSink(name, topic.name(), topic.keySerializer(), topic.valueSerializer(), parents);
    }

    /** Not cached, like the workflow store. */
    private static StoreBuilder<KeyValueStore<String, String>> stringStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String()).withCachingDisabled();
    }

    /**
     * Not cached either. The workflow store holds each workflow's document as JSON in parts: its header under its id,
     * its nodes beside it ({@link WorkflowStore}). {@link LiveStates} already keeps the running workflows decoded, so a
     * cache would only fold a key's writes within one commit, and a Streams record cache entry also holds its input
     * record's raw bytes and headers (Kafka 4.1) for as long as it stays cached: long enough to be copied by young
     * collections and promoted, then to die as old garbage. Those entries were most of what each young collection
     * copied (BENCHMARKS.md, "Settings behind the figures").
     */
    private static StoreBuilder<KeyValueStore<String, byte[]>> bytesStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray()).withCachingDisabled();
    }
}
