package org.gorchestrator.conductor.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.gorchestrator.conductor.topology.ConductorMetrics;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * The conductor's metrics, in Prometheus terms: {@code gorch_workflows_submitted_total},
 * {@code gorch_workflows_finished_total{state}}, {@code gorch_node_retries_total},
 * {@code gorch_node_timeouts_total}, {@code gorch_node_duration_seconds{engine,outcome}} and
 * {@code gorch_node_handoff_seconds}: from a node's finish (worker clock) to its successors' dispatch,
 * {@code gorch_conductor_unwritable_records_total{topic,reason}}: records the conductor could not write,
 * and {@code gorch_conductor_rejected_inputs_total{reason}}: input records it refused and dead-lettered.
 */
final class MicrometerConductorMetrics implements ConductorMetrics {
    private final MeterRegistry registry;
    private final Counter submitted;
    private final Counter retries;
    private final Counter timeouts;
    private final Timer handoff;

    MicrometerConductorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.submitted = Counter.builder("gorch.workflows.submitted").description("workflows accepted by the conductor").register(registry);
        this.retries = Counter.builder("gorch.node.retries").description("failed or timed-out attempts that will be retried").register(registry);
        this.timeouts = Counter.builder("gorch.node.timeouts").description("attempts that ran out of time").register(registry);
        this.handoff = Timer.builder("gorch.node.handoff")
                .description("from a node's finish to the dispatch of the successors it made ready")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void applied(EngineInput input, Decision decision, Instant now) {
        if (input instanceof NodeEvent.Succeeded done && !decision.commands().isEmpty()) {
            handoff.record(nonNegative(Duration.between(done.at(), now)));
        }
        for (WorkflowEvent event : decision.events()) {
            if (event instanceof WorkflowEvent.Submitted) {
                submitted.increment();
            } else if (event instanceof WorkflowEvent.NodeChanged changed) {
                nodeChanged(changed.node());
            }
        }
        decision.finishedAs().ifPresent(state -> registry.counter("gorch.workflows.finished", "state", state.label()).increment());
    }

    @Override
    public void unwritable(String topic, String reason) {
        Counter.builder("gorch.conductor.unwritable.records").description("records the conductor could not write, each failing its workflow")
                .tags("topic", topic, "reason", reason).register(registry).increment();
    }

    @Override
    public void rejected(String reason) {
        Counter.builder("gorch.conductor.rejected.inputs").description("input records the conductor refused and sent to the dead-letter topic")
                .tag("reason", reason).register(registry).increment();
    }

    private void nodeChanged(Node node) {
        if (node.state() == State.TORUN && node.retryAt() != null) {
            retries.increment();
        } else if (node.state() == State.TIMEOUT) {
            timeouts.increment();
        }
        if (node.state().isFinished() && node.startDate() != null && node.stopDate() != null) {
            Timer.builder("gorch.node.duration").description("how long attempts ran, by engine and outcome")
                    .tags("engine", node.engine(), "outcome", node.state().label())
                    .register(registry).record(nonNegative(Duration.between(node.startDate(), node.stopDate())));
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
