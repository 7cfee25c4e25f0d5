package org.gorchestrator.api.triggers;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gorchestrator.api.intake.Problems;
import org.gorchestrator.api.tasks.Accepted;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.api.tasks.IdempotencyKey;
import org.gorchestrator.api.templates.Owner;
import org.gorchestrator.api.templates.TemplateService;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.DerivedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Starts, for one record of a followed topic, a run of every trigger on that topic whose filter the record passes. A run's
 * Idempotency-Key is derived from (trigger, topic, partition, offset): a redelivered record starts nothing new. A record
 * that is no JSON, fails a filter, or makes a run the template refuses (a required input missing) is skipped and
 * counted ({@code gorch.api.triggers.records}, by trigger and outcome), never retried; only "later" answers (429, 503)
 * make the record come again.
 */
public final class TriggerListener implements MessageListener<String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerListener.class);

    private final FollowedTriggers triggers;
    private final TemplateService templates;
    private final Problems problems;
    private final BiFunction<String, Caller, Optional<JsonNode>> workflows;
    private final String workflowEvents;
    private final MeterRegistry meters;

    /**
     * @param workflows      the workflow of an id as {@code GET /v1/tasks/{id}} shows it to a trigger's owner, for the
     *                       records of the workflow events topic (see {@link RecordValue})
     * @param workflowEvents the workflow events topic
     */
    public TriggerListener(FollowedTriggers triggers, TemplateService templates, Problems problems,
                           BiFunction<String, Caller, Optional<JsonNode>> workflows, String workflowEvents, MeterRegistry meters) {
        this.triggers = triggers;
        this.templates = templates;
        this.problems = problems;
        this.workflows = workflows;
        this.workflowEvents = workflowEvents;
        this.meters = meters;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        Optional<JsonNode> value = parse(record.value());
        for (Trigger trigger : triggers.on(record.topic())) {
            if (record.timestamp() < trigger.updated().toEpochMilli()) {
                continue; // written before the trigger was stored or resumed
            }
            if (value.isEmpty()) {
                count(trigger, "not-json");
                continue;
            }
            fire(trigger, RecordValue.of(value.get(), record.topic().equals(workflowEvents), trigger,
                    id -> workflows.apply(id, Owner.caller(trigger.owner()))), record);
        }
    }

    private void fire(Trigger trigger, RecordValue value, ConsumerRecord<String, byte[]> record) {
        if (!value.passes(trigger.filter())) {
            count(trigger, "filtered");
            return;
        }
        Map<String, String> inputs = new HashMap<>();
        trigger.inputs().forEach((input, pointer) -> value.text(pointer).ifPresent(text -> inputs.put(input, text)));
        try {
            Accepted accepted = templates.run(trigger.template(), inputs, Optional.of(key(trigger, record)), Owner.caller(trigger.owner()));
            LOG.info("trigger {}: {}-{}@{} started run {} of {}", trigger.name(), record.topic(), record.partition(), record.offset(),
                    accepted.id(), trigger.template());
            count(trigger, "started");
        } catch (RuntimeException e) {
            ProblemDetail problem = problems.of(e);
            if (Problems.passes(problem)) {
                throw e;
            }
            LOG.warn("trigger {}: {}-{}@{} skipped, the run was refused: {}", trigger.name(), record.topic(), record.partition(),
                    record.offset(), problem.getDetail());
            count(trigger, "refused");
        }
    }

    /** Derived from the record's place, so every delivery of it (to any API instance) names the same run. */
    static IdempotencyKey key(Trigger trigger, ConsumerRecord<?, ?> record) {
        return new IdempotencyKey("trigger:" + DerivedIds.of(trigger.name() + "\n" + record.topic() + "\n" + record.partition() + "\n"
                + record.offset()));
    }

    private static Optional<JsonNode> parse(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readTree(value));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private void count(Trigger trigger, String outcome) {
        meters.counter("gorch.api.triggers.records", "trigger", trigger.name(), "outcome", outcome).increment();
    }
}
