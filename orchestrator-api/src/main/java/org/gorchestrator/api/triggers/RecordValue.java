package org.gorchestrator.api.triggers;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record's JSON value as a trigger's pointers see it. On the workflow events topic an event names its workflow only by
 * id ({@code subject}), so there the pointers also reach {@code /workflow}: the workflow as its trigger's owner may read it
 * (e.g. {@code /workflow/template/name}, {@code /workflow/nodes/0/output/ip}), looked up only when a pointer asks for it.
 */
record RecordValue(JsonNode json) {
    private static final String WORKFLOW = "workflow";

    static RecordValue of(JsonNode value, boolean workflowEvent, Trigger trigger, Function<String, Optional<JsonNode>> workflows) {
        boolean asks = trigger.filter().keySet().stream().anyMatch(RecordValue::reachesWorkflow)
                || trigger.inputs().values().stream().anyMatch(RecordValue::reachesWorkflow);
        if (!workflowEvent || !asks || !(value instanceof ObjectNode event) || !value.path("subject").isString()) {
            return new RecordValue(value);
        }
        String subject = value.get("subject").asString();
        String workflowId = subject.contains("/") ? subject.substring(0, subject.indexOf('/')) : subject;
        ObjectNode extended = event.deepCopy();
        workflows.apply(workflowId).ifPresent(workflow -> extended.set(WORKFLOW, workflow));
        return new RecordValue(extended);
    }

    /** Every filter's field is present and equal to its value. */
    boolean passes(Map<String, String> filter) {
        return filter.entrySet().stream().allMatch(f -> text(f.getKey()).filter(f.getValue()::equals).isPresent());
    }

    /** The text at the pointer: a string as it is, any other value as JSON; empty when missing or null. */
    Optional<String> text(String pointer) {
        JsonNode node = json.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isString() ? node.asString() : node.toString());
    }

    private static boolean reachesWorkflow(String pointer) {
        return pointer.equals("/" + WORKFLOW) || pointer.startsWith("/" + WORKFLOW + "/");
    }
}
