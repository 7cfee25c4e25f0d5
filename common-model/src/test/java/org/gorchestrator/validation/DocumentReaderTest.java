package org.gorchestrator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
    private final DocumentReader reader = new DocumentReader();

    @Test
    void readsTheSeedExampleWithItsNullArgsAndOutputs() {
        Graph graph = parse(TestGraphs.seedExampleJson());

        assertThat(graph.name()).isEqualTo("Valid");
        assertThat(graph.nodes()).hasSize(8);
        assertThat(graph.nodes().get(0).args()).isEmpty();
        assertThat(graph.nodes().get(0).output()).isEmpty();
        assertThat(graph.nodes().get(3).output()).containsOnlyKeys("network", "ip_address");
    }

    @Test
    void ignoresUnknownFieldsAndReadsStatesByName() {
        Graph graph = parse("{\"name\": \"x\", \"owner\": \"me\", \"state\": \"running\", \"nodes\": [{\"id\": 0, \"colour\": \"red\"}]}");

        assertThat(graph.state()).isEqualTo(State.RUNNING);
        assertThat(graph.nodes()).hasSize(1);
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumn() {
        Violation violation = failure("{\n  \"name\": \"x\",\n  \"nodes\": [ {\"id\": 0,} ]\n}");

        assertThat(violation.field()).isEqualTo("nodes[0]");
        assertThat(violation.message()).startsWith("malformed JSON").endsWith("(line 3, column 23)");
    }

    @Test
    void aValueOfTheWrongShapeNamesItsFieldInDocumentTerms() {
        assertThat(failure("{\"nodes\": 5}")).isEqualTo(new Violation("nodes", "must be an array, not a number (line 1, column 11)"));
        assertThat(failure("{\"nodes\": [{\"args\": {}}]}").field()).isEqualTo("nodes[0].args");
        assertThat(failure("[1, 2]")).extracting(Violation::field, Violation::message)
                .containsExactly("body", "must be an object, not an array (line 1, column 1)");
    }

    @Test
    void aValueThatCannotBeConvertedIsQuoted() {
        Violation violation = failure("{\"nodes\": [{\"id\": \"abc\"}]}");

        assertThat(violation.field()).isEqualTo("nodes[0].id");
        assertThat(violation.message()).startsWith("'abc' is not a whole number");
    }

    @Test
    void anUnknownStateIsNamed() {
        Violation violation = failure("{\"state\": \"bogus\"}");

        assertThat(violation.field()).isEqualTo("state");
        assertThat(violation.message()).startsWith("unknown state 'bogus'");
    }

    @Test
    void emptyNullAndTrailingContentAreRejected() {
        assertThat(failure(" \n").message()).startsWith("is empty");
        assertThat(failure("null").message()).startsWith("is null");
        assertThat(failure("{} {}").message()).startsWith("has more content after the document");
    }

    private Graph parse(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private Violation failure(String json) {
        return catchThrowableOfType(UnreadableDocumentException.class, () -> parse(json)).violation();
    }
}
