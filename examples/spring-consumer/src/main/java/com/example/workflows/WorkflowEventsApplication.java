package com.example.workflows;

import java.util.List;
import org.gorchestrator.kafka.GorchKafkaAutoConfiguration;
import org.gorchestrator.kafka.events.CloudEvents;
import org.gorchestrator.kafka.events.WorkflowEventListener;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * Logs every finished workflow with its failed nodes. Gorchestrator's own auto-configuration is
 * excluded: it sets up the orchestrator's topics and health checks, which a mere reader does not own.
 */
@SpringBootApplication(exclude = GorchKafkaAutoConfiguration.class)
public class WorkflowEventsApplication {
    private static final Logger log = LoggerFactory.getLogger(WorkflowEventsApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(WorkflowEventsApplication.class, args);
    }

    /** Started with the context, closed (after its current event) when the context closes. */
    @Bean(destroyMethod = "close")
    WorkflowEventListener workflowEventListener(KafkaProperties kafka) {
        // Keep up to 10,000 workflows' replays in memory so that onFinished gets the whole graph.
        return new WorkflowEventListener(kafka.buildConsumerProperties(), "gorch.workflow-events", 10_000, new FinishedWorkflows())
                .start();
    }

    static final class FinishedWorkflows implements WorkflowEventListener.Handler {
        /**
         * Delivery is at-least-once: after a restart or a rebalance the same event may come again.
         * Make what you do idempotent, keyed by CloudEvents.id(event), e.g. a unique column in the
         * table you write to.
         */
        @Override
        public void onFinished(WorkflowEvent.WorkflowChanged event, Graph graph) {
            List<String> failed = graph.nodes().stream().filter(n -> n.state() == State.FAILURE).map(Node::name).toList();
            log.info("{}: workflow {} ({}) finished {}; failed nodes: {}", CloudEvents.id(event), graph.id(), graph.name(),
                    graph.state().label(), failed);
        }
    }
}
