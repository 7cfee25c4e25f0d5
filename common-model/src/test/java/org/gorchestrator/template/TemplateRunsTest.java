package org.gorchestrator.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.validation.InvalidGraphException;
import org.gorchestrator.validation.Violation;
import org.junit.jupiter.api.Test;

class TemplateRunsTest {
    private static final Graph DOCUMENT = Graph.of("deploy", List.of(0), List.of(
            Node.of(0, "deploy", "shell", "deploy.sh", List.of("get_input version", "ENV=get_input env", "--fast"))));
    private static final Map<String, InputSpec> INPUTS = declared();

    private static Map<String, InputSpec> declared() {
        Map<String, InputSpec> inputs = new LinkedHashMap<>();
        inputs.put("env", new InputSpec("staging", false));
        inputs.put("version", new InputSpec(null, true));
        return inputs;
    }

    private static final TemplateVersion V3 = new TemplateVersion(3, DOCUMENT, INPUTS, Instant.EPOCH, null);

    @Test
    void aRunPutsTheInputsInPlaceAndRecordsWhereItCameFrom() {
        Graph run = TemplateRuns.instantiate("deploy", V3, Map.of("version", "1.4"), null);
        assertThat(run.nodes().get(0).args()).containsExactly("1.4", "ENV=staging", "--fast");
        assertThat(run.template().name()).isEqualTo("deploy");
        assertThat(run.template().version()).isEqualTo(3);
        assertThat(run.template().inputs()).containsEntry("env", "staging").containsEntry("version", "1.4");
    }

    @Test
    void unknownAndMissingRequiredInputsAreNamed() {
        assertThatThrownBy(() -> TemplateRuns.instantiate("deploy", V3, Map.of("colour", "red"), null))
                .isInstanceOfSatisfying(InvalidGraphException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("inputs.colour", "inputs.version"));
    }

    @Test
    void aTemplateMayReferOnlyToDeclaredInputs() {
        assertThatThrownBy(() -> TemplateRuns.checkDeclared(DOCUMENT, Map.of("version", new InputSpec(null, true))))
                .isInstanceOfSatisfying(InvalidGraphException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("nodes[0].args[1]"));
    }
}
