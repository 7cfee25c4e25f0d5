package org.gorchestrator.conductor.topology;

import java.util.Locale;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.kafka.tracing.Hop;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.WorkflowCommand;

/**
 * The trace each handled input continues, and so every record forwarded while handling it carries:
 * the input record's own {@code traceparent}, else (timer ticks) the workflow's, remembered from the
 * submit or rerun that started its current pass in the {@link ConductorTopology#TRACE_STORE}.
 */
final class TraceContexts {
    private final RecordTracing tracing;
    private final KeyValueStore<String, String> workflows;

    TraceContexts(RecordTracing tracing, KeyValueStore<String, String> workflows) {
        this.tracing = tracing;
        this.workflows = workflows;
    }

    /** A hop for handling {@code input}, which came with {@code traceparent} (null: none, or a timer). */
    Hop open(EngineInput input, String traceparent) {
        String id = input.workflowId();
        String continued = traceparent != null ? traceparent : workflows.get(id);
        return tracing.open("conductor " + input.getClass().getSimpleName().toLowerCase(Locale.ROOT), continued)
                .tag("gorch.workflow.id", id);
    }

    /** After {@code input} changed its workflow: a submit or rerun makes {@code hop}'s context the workflow's. */
    void applied(EngineInput input, Hop hop) {
        boolean startsAPass = input instanceof WorkflowCommand.Submit || input instanceof WorkflowCommand.Rerun;
        if (startsAPass && hop.traceparent() != null) {
            workflows.put(input.workflowId(), hop.traceparent());
        }
    }

    void forget(String workflowId) {
        workflows.delete(workflowId);
    }

    static <V> Record<String, V> record(String key, V value, long timestamp, Hop hop) {
        return new Record<>(key, value, timestamp, TraceHeaders.of(hop.traceparent()));
    }
}
