package org.gorchestrator.conductor.schedules;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.gorchestrator.conductor.topology.ConductorTopology;

/**
 * Tells the scheduler when a run it started has finished, for the overlap policies. It reads the workflow events
 * (keyed by workflow id) as {@link RunEvent}s: a submitted run that records a schedule is remembered; when it
 * finishes, its id goes to the schedule-runs topic keyed by the schedule's name, where the scheduler task owning that
 * schedule reads it.
 */
public final class RunWatcher implements Processor<String, RunEvent, String, String> {
    /** Reads the workflow events for this processor: only what it needs of them. */
    public static final Deserializer<RunEvent> EVENTS = new RunEventDeserializer();

    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> owners;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        owners = context.getStateStore(ConductorTopology.SCHEDULE_RUN_OWNERS_STORE);
    }

    @Override
    public void process(Record<String, RunEvent> record) {
        String workflowId = record.key();
        if (workflowId == null) {
            return;
        }
        if (record.value() instanceof RunEvent.Scheduled scheduled) {
            owners.put(workflowId, scheduled.schedule());
        } else if (record.value() instanceof RunEvent.Finished) {
            String schedule = owners.get(workflowId);
            if (schedule != null) {
                owners.delete(workflowId);
                context.forward(new Record<>(schedule, workflowId, record.timestamp()));
            }
        }
    }
}
