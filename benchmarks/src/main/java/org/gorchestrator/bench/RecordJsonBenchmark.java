package org.gorchestrator.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.engine.EngineDriver;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.model.Graph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records the conductor and the workers read and write most, through the project's mapper ({@code PROJECT}:
 * {@code Json.mapper()}, with its own instants and record constructors) and through plain Jackson
 * ({@code PLAIN_JACKSON}): a node's report (the conductor reads it), a node command (the conductor writes it, a
 * worker reads it) and a 100-node workflow half way through its run (a whole document).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordJsonBenchmark {
    /** Which mapper. */
    public enum Mapper { PLAIN_JACKSON, PROJECT }

    private static final Instant STARTED = Instant.parse("2026-12-06T10:00:00.123456Z");
    private static final Instant FINISHED = Instant.parse("2026-12-06T10:00:00.124789Z");

    @Param({"PLAIN_JACKSON", "PROJECT"})
    public Mapper mapper;

    private ObjectMapper json;
    private NodeEvent event;
    private NodeCommand command;
    private Graph workflow;
    private byte[] eventJson;
    private byte[] commandJson;
    private byte[] workflowJson;

    @Setup
    public void setUp() {
        json = mapper == Mapper.PROJECT ? Json.mapper()
                : JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        EngineDriver.Midway midway = new EngineDriver().runUntil(Shape.RANDOM.build(100), 50);
        NodeCommand next = midway.inFlight().get(0);
        // Instants as a clock gives them on Linux: to the microsecond.
        command = new NodeCommand(next.workflowId(), next.nodeId(), next.attempt(), next.name(), next.engine(), next.artifact(),
                next.args(), next.target(), next.outputs(), next.timeoutSeconds(), FINISHED);
        event = new NodeEvent.Succeeded(next.workflowId(), next.nodeId(), next.attempt(), "worker-1", 0, Map.of(), STARTED, FINISHED);
        workflow = midway.state().toGraph();
        eventJson = Json.write(event);
        commandJson = Json.write(command);
        workflowJson = Json.write(workflow);
    }

    @Benchmark
    public NodeEvent readNodeEvent() {
        return json.readValue(eventJson, NodeEvent.class);
    }

    @Benchmark
    public NodeCommand readNodeCommand() {
        return json.readValue(commandJson, NodeCommand.class);
    }

    @Benchmark
    public Graph readWorkflow100() {
        return json.readValue(workflowJson, Graph.class);
    }

    @Benchmark
    public byte[] writeNodeEvent() {
        return json.writeValueAsBytes(event);
    }

    @Benchmark
    public byte[] writeNodeCommand() {
        return json.writeValueAsBytes(command);
    }

    @Benchmark
    public byte[] writeWorkflow100() {
        return json.writeValueAsBytes(workflow);
    }
}
