package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.gorchestrator.engine.EngineSettings;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record the conductor forwards carries the trace of the input it was decided on; timers, the trace of their workflow. */
class TracingTopologyTest {
    private static final Topics TOPICS = new Topics("wc", "nc", "ne", "we", "ws", "ctl", "logs", 6, 12, (short) 1,
            Duration.ofDays(1), 1024 * 1024, Duration.ofDays(1), List.of());
    private static final ConductorSettings SETTINGS = new ConductorSettings(EngineSettings.DEFAULTS, Duration.ofMillis(250),
            Duration.ofHours(1), ConductorSettings.DEFAULTS.liveStateNodes(),
            ConductorSettings.DEFAULTS.publishInterval());
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String API_SPAN = "00f067aa0ba902b7";
    private static final String SUBMIT_CONTEXT = "00-" + TRACE + "-" + API_SPAN + "-01";
    private static final String WORKER_CONTEXT = "00-" + TRACE + "-b7ad6b7169203331-01";

    private final SdkTracerProvider spans = SdkTracerProvider.builder().build();
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private Instant now;
    private TestInputTopic<String, WorkflowCommand> commands;
    private TestInputTopic<String, NodeEvent> nodeEvents;

    @AfterEach
    void stop() {
        driver.close();
        spans.close();
    }

    @Test
    void everyRecordForwardedForAnInputCarriesItsTraceInASpanOfTheConductor() {
        start(otelTracing());
        submit("wf-1", Graphs.chain(2, Graphs.nil()), SUBMIT_CONTEXT);

        List<String> submitted = allOutputContexts();
        assertThat(submitted).as("node command, events, state").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(context -> assertThat(TraceHeaders.traceId(context)).isEqualTo(TRACE))
                .doesNotContain(SUBMIT_CONTEXT)
                .containsOnly(submitted.get(0));
        assertThat(storedTrace("wf-1")).isEqualTo(submitted.get(0));

        nodeEvents.pipeInput(new TestRecord<>("wf-1", new NodeEvent.Succeeded("wf-1", 0, 1, "w1", 0, Map.of(), now, now),
                TraceHeaders.of(WORKER_CONTEXT)));

        List<String> handedOff = allOutputContexts();
        assertThat(handedOff).isNotEmpty().allSatisfy(context -> assertThat(TraceHeaders.traceId(context)).isEqualTo(TRACE))
                .doesNotContain(submitted.get(0), WORKER_CONTEXT);
        assertThat(storedTrace("wf-1")).as("only a submit or rerun sets the workflow's trace").isEqualTo(submitted.get(0));
    }

    @Test
    void aRetryFiredByTheTimerCarriesTheTraceOfTheSubmit() {
        start(otelTracing());
        submit("wf-2", Graphs.chain(1, i -> Node.of(i, "n" + i, "nil", null, List.of()).withRetry(new RetryPolicy(2, 1.0, 1.0, 1.0))),
                SUBMIT_CONTEXT);
        nodeEvents.pipeInput("wf-2", new NodeEvent.Failed("wf-2", 0, 1, "w1", 1, "boom", now, now));
        assertThat(allOutputContexts()).allSatisfy(context -> assertThat(TraceHeaders.traceId(context)).isEqualTo(TRACE));

        driver.advanceWallClockTime(Duration.ofSeconds(2));

        List<TestRecord<String, byte[]>> retried = output(TOPICS.nodeCommands()).readRecordsToList();
        assertThat(retried).singleElement().satisfies(record -> assertThat(traceId(record.headers())).isEqualTo(TRACE));
    }

    @Test
    void aPurgedWorkflowForgetsItsTrace() {
        start(otelTracing());
        submit("wf-3", Graphs.chain(1, Graphs.nil()), SUBMIT_CONTEXT);
        nodeEvents.pipeInput("wf-3", new NodeEvent.Succeeded("wf-3", 0, 1, "w1", 0, Map.of(), now, now));
        assertThat(storedTrace("wf-3")).isNotNull();

        driver.advanceWallClockTime(Duration.ofMinutes(61));

        assertThat(storedTrace("wf-3")).isNull();
    }

    @Test
    void withoutATracerTheIncomingContextIsSentOnUnchangedAndTimersUseTheSubmits() {
        start(RecordTracing.PASS_THROUGH);
        submit("wf-4", Graphs.chain(1, Graphs.nil()).withTimeout(10), SUBMIT_CONTEXT);
        nodeEvents.pipeInput("wf-4", new NodeEvent.Started("wf-4", 0, 1, "w1", now));
        assertThat(allOutputContexts()).isNotEmpty().containsOnly(SUBMIT_CONTEXT);

        driver.advanceWallClockTime(Duration.ofSeconds(11));

        assertThat(output(TOPICS.nodeControl()).readRecordsToList()).singleElement()
                .satisfies(kill -> assertThat(TraceHeaders.traceparent(kill.headers())).isEqualTo(SUBMIT_CONTEXT));
    }

    private void start(RecordTracing tracing) {
        Properties config = DriverConfig.atLeastOnce("tracing-test", stateDir);
        now = Instant.now();
        driver = new TopologyTestDriver(new ConductorTopology(TOPICS, SETTINGS, ConductorMetrics.NONE, tracing).build(), config, now);
        commands = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(), JsonSerde.of(WorkflowCommand.class));
        nodeEvents = driver.createInputTopic(TOPICS.nodeEvents(), new StringSerializer(), JsonSerde.of(NodeEvent.class));
    }

    private void submit(String id, Graph graph, String traceparent) {
        commands.pipeInput(new TestRecord<>(id, new WorkflowCommand.Submit(id, graph, now), TraceHeaders.of(traceparent)));
    }

    /** The traceparent of every record forwarded since the last call, to any output (null for a record without one). */
    private List<String> allOutputContexts() {
        return Stream.of(TOPICS.nodeCommands(), TOPICS.nodeControl(), TOPICS.workflowEvents(), TOPICS.workflowState())
                .flatMap(topic -> output(topic).readRecordsToList().stream())
                .map(record -> TraceHeaders.traceparent(record.headers()))
                .toList();
    }

    private TestOutputTopic<String, byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private String storedTrace(String id) {
        return driver.<String, String>getKeyValueStore(ConductorTopology.TRACE_STORE).get(id);
    }

    private static String traceId(Headers headers) {
        return TraceHeaders.traceId(TraceHeaders.traceparent(headers));
    }

    /** Spans of a real OpenTelemetry SDK, with W3C propagation, as the services get them from Spring Boot. */
    private RecordTracing otelTracing() {
        io.opentelemetry.api.trace.Tracer otel = spans.get("conductor-test");
        OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        return RecordTracing.of(tracer, new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));
    }
}
