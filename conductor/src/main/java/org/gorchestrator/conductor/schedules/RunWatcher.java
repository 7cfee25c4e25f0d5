package org.gorchestrator.conductor.schedules;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.conductor.topology.ConductorTopology;
import org.gorchestrator.message.WorkflowEvent;

/**
 * Tells the scheduler when a run it started has finished, for the overlap policies. It reads the workflow events
 * (keyed by workflow id): a submitted run that records a schedule is remembered; when it finishes, its id goes to the
 * schedule-runs topic keyed by the schedule's name, where the scheduler task owning that schedule reads it.
 */
public final class RunWatcher implements Processor<String, WorkflowEvent, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> owners;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        owners = context.getStateStore(ConductorTopology.SCHEDULE_RUN_OWNERS_STORE);
    }

    @Override
    public void process(Record<String, WorkflowEvent> record) {
        if (record.value() instanceof WorkflowEvent.Submitted submitted && submitted.graph().template() != null
                && submitted.graph().template().schedule() != null) {
            owners.put(submitted.workflowId(), submitted.graph().template().schedule());
        } else if (record.value() instanceof WorkflowEvent.WorkflowChanged changed && changed.state().isFinished()) {
            String schedule = owners.get(changed.workflowId());
            if (schedule != null) {
                owners.delete(changed.workflowId());
                context.forward(new Record<>(schedule, changed.workflowId(), record.timestamp()));
            }
        }
    }
}
