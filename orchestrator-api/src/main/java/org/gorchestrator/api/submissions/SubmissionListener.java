package org.gorchestrator.api.submissions;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gorchestrator.api.intake.Problems;
import org.gorchestrator.api.tasks.Accepted;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.api.templates.DefinitionPublisher;
import org.gorchestrator.api.templates.TemplateService;
import org.gorchestrator.json.Json;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.UnreadableDocumentException;
import org.gorchestrator.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Starts the workflow a record of {@code gorch.submissions} asks for, through the same path as {@code POST /v1/tasks}
 * (or a template run), under an Idempotency-Key derived from the request, and publishes the outcome. The outcome is
 * published before the offset is committed: a crash in between submits again, which the key makes a replay, and
 * publishes the outcome again under the same event id.
 */
public final class SubmissionListener implements MessageListener<String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionListener.class);
    private static final TypeReference<Map<String, String>> INPUTS = new TypeReference<>() {};

    private final TaskService tasks;
    private final TemplateService templates;
    private final DocumentReader reader;
    private final Problems problems;
    private final DefinitionPublisher publisher;
    private final String outcomeTopic;
    private final MeterRegistry meters;
    private final Clock clock;

    public SubmissionListener(TaskService tasks, TemplateService templates, DocumentReader reader, Problems problems,
                              DefinitionPublisher publisher, String outcomeTopic, MeterRegistry meters, Clock clock) {
        this.tasks = tasks;
        this.templates = templates;
        this.reader = reader;
        this.problems = problems;
        this.publisher = publisher;
        this.outcomeTopic = outcomeTopic;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        Optional<SubmitRequest> request = SubmitRequest.read(record.value());
        if (request.isEmpty()) {
            LOG.warn("skipping {}-{}@{}: not a CloudEvent with an id and a source, so no outcome can name it", record.topic(),
                    record.partition(), record.offset());
            count("unreadable");
            return;
        }
        Outcome outcome = outcome(request.get());
        publisher.send(OutcomeEvents.record(outcomeTopic, request.get(), outcome, clock.instant()));
        count(outcome instanceof Outcome.Accepted ? "accepted" : "rejected");
    }

    /** @throws RuntimeException when the submission must wait (429, 503): the record is read again after a pause */
    Outcome outcome(SubmitRequest request) {
        try {
            Accepted accepted = submit(request);
            return new Outcome.Accepted(accepted.id(), accepted.replayed());
        } catch (RuntimeException e) {
            ProblemDetail problem = problems.of(e);
            if (Problems.passes(problem)) {
                throw e;
            }
            LOG.info("rejected submission {} from {}: {}", request.id(), request.source(), problem.getDetail());
            return new Outcome.Rejected(problem);
        }
    }

    private Accepted submit(SubmitRequest request) {
        if (!SubmitRequest.TYPE.equals(request.type())) {
            throw unreadable("type", "must be " + SubmitRequest.TYPE + ", was " + request.type());
        }
        JsonNode data = request.data();
        if (data == null || !data.isObject() || data.has("document") == data.has("template")) {
            throw unreadable("data", "send an object with either 'document' (a gorch document) or 'template' and 'inputs'");
        }
        if (data.has("document")) {
            return tasks.submit(reader.read(Json.write(data.get("document"))), Optional.of(request.key()), request.caller());
        }
        if (!data.get("template").isString()) {
            throw unreadable("data.template", "must be the name of a stored template");
        }
        return templates.run(data.get("template").asString(), inputs(data.get("inputs")), Optional.of(request.key()), request.caller());
    }

    private static Map<String, String> inputs(JsonNode inputs) {
        if (inputs == null || inputs.isNull()) {
            return Map.of();
        }
        if (!inputs.isObject() || !inputs.valueStream().allMatch(JsonNode::isString)) {
            throw unreadable("data.inputs", "must map each input name to a string value");
        }
        return Json.mapper().convertValue(inputs, INPUTS);
    }

    private static UnreadableDocumentException unreadable(String field, String message) {
        return new UnreadableDocumentException(new Violation(field, message));
    }

    private void count(String outcome) {
        meters.counter("gorch.api.submissions", "outcome", outcome).increment();
    }
}
