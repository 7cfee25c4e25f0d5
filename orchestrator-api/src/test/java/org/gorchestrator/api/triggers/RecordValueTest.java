package org.gorchestrator.api.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gorchestrator.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RecordValueTest {
    private static final JsonNode ORDER = Json.mapper().readTree("""
            {"kind": "new", "count": 3, "paid": true, "customer": {"name": "ada"}, "note": null}""");
    private final List<String> lookedUp = new ArrayList<>();
    private final Function<String, Optional<JsonNode>> workflows = id -> {
        lookedUp.add(id);
        return Optional.of(Json.mapper().readTree("{\"template\": {\"name\": \"greet\"}}"));
    };

    @Test
    void aFilterPassesWhenEveryFieldEqualsItsValueNumbersAndBooleansAsWrittenInJson() {
        RecordValue value = RecordValue.of(ORDER, false, trigger(Map.of(), Map.of()), workflows);
        assertThat(value.passes(Map.of("/kind", "new", "/count", "3", "/paid", "true"))).isTrue();
        assertThat(value.passes(Map.of("/kind", "new", "/count", "4"))).isFalse();
        assertThat(value.passes(Map.of("/missing", "x"))).isFalse();
        assertThat(value.passes(Map.of("/note", "null"))).as("a null field equals nothing").isFalse();
        assertThat(value.passes(Map.of())).isTrue();
    }

    @Test
    void anInputIsTheTextAtItsPointerAndAbsentWhenTheFieldIsMissing() {
        RecordValue value = RecordValue.of(ORDER, false, trigger(Map.of(), Map.of()), workflows);
        assertThat(value.text("/customer/name")).contains("ada");
        assertThat(value.text("/customer")).contains("{\"name\":\"ada\"}");
        assertThat(value.text("/customer/age")).isEmpty();
    }

    @Test
    void onTheWorkflowEventsPointersReachTheEventsWorkflowLookedUpOnlyWhenAPointerAsks() {
        JsonNode finished = Json.mapper().readTree("""
                {"type": "org.gorchestrator.workflow.finished.v1", "subject": "w-1", "data": {"state_name": "success"}}""");
        Trigger chain = trigger(Map.of("upstream", "/subject"), Map.of("/workflow/template/name", "greet"));
        assertThat(RecordValue.of(finished, true, chain, workflows).passes(chain.filter())).isTrue();
        assertThat(lookedUp).containsExactly("w-1");

        Trigger plain = trigger(Map.of("upstream", "/subject"), Map.of("/data/state_name", "success"));
        assertThat(RecordValue.of(finished, true, plain, workflows).passes(plain.filter())).isTrue();
        assertThat(RecordValue.of(finished, false, chain, workflows).passes(chain.filter())).as("another topic has no /workflow").isFalse();
        assertThat(lookedUp).hasSize(1);
    }

    private static Trigger trigger(Map<String, String> inputs, Map<String, String> filter) {
        return new Trigger("t", "greet", "orders", inputs, filter, false, Instant.EPOCH, null);
    }
}
