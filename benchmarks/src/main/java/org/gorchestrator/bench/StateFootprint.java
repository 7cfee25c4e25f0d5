package org.gorchestrator.bench;

import java.lang.ref.Reference;
import java.time.Instant;
import org.gorchestrator.engine.DagEngine;
import org.gorchestrator.engine.WorkflowState;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.model.Graph;

/**
 * The heap an in-flight workflow keeps, by the heap-delta method: the used heap after a full GC,
 * before and after holding {@code copies} workflows just submitted (roots dispatched, the rest
 * waiting), divided by {@code copies}. Each copy is parsed from JSON on its own, as the conductor
 * loads each workflow, so nothing is shared between copies. Hold enough copies for the delta to
 * dwarf the heap's noise (a few MB): a million nodes or so in all.
 */
public final class StateFootprint {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private StateFootprint() {}

    /** The retained bytes of one in-flight workflow of {@code graph}, averaged over {@code copies}. */
    public static long bytesPerWorkflow(Graph graph, int copies) {
        byte[] json = Json.write(graph);
        DagEngine engine = new DagEngine();
        WorkflowState[] inFlight = new WorkflowState[copies];
        long before = usedHeapAfterGc();
        for (int i = 0; i < copies; i++) {
            Graph own = Json.read(json, Graph.class);
            inFlight[i] = engine.decide(null, new WorkflowCommand.Submit("wf-" + i, own, AT)).state();
        }
        long after = usedHeapAfterGc();
        Reference.reachabilityFence(inFlight);
        return (after - before) / copies;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
