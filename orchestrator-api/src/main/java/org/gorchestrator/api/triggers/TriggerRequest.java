package org.gorchestrator.api.triggers;

import java.util.Map;

/** The body of {@code PUT /v1/triggers/{name}}; checked field by field by {@link TriggerService}. */
public record TriggerRequest(String template, String topic, Map<String, String> inputs, Map<String, String> filter, Boolean paused) {}
