package org.gorchestrator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DocumentReaderTest {
    private final DocumentReader reader = new DocumentReader();

    @Test
    void readsTheSeedExampleWithItsNullArgsAndOutputs() {
        Graph graph = parse(Graphs.seedExampleJson());

        assertThat(graph.name()).isEqualTo("Valid");
        assertThat(graph.nodes()).hasSize(8);
        assertThat(graph.nodes().get(0).args()).isEmpty();
        assertThat(graph.nodes().get(0).output()).isEmpty();
        assertThat(graph.nodes().get(3).output()).containsOnlyKeys("network", "ip_address");
    }

    @Test
    void theSeedExampleUsesOnlyTheseFieldsAllKnownToTheStrictReader() throws Exception {
        JsonNode seed = Json.mapper().readTree(Graphs.seedExampleJson());

        assertThat(seed.propertyNames()).containsExactlyInAnyOrder("name", "state", "digraph", "nodes");
        assertThat(seed.get("nodes")).allSatisfy(node -> assertThat(node.propertyNames())
                .containsExactlyInAnyOrder("id", "name", "target", "engine", "artifact", "args", "output"));
        assertThat(parse(Graphs.seedExampleJson()).nodes()).hasSize(8);
    }

    @Test
    void everyExampleDocumentOfTheRepositoryIsRead() throws IOException {
        try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
            List<Path> documents = examples.filter(path -> path.toString().endsWith(".json")).toList();
            assertThat(documents).hasSizeGreaterThanOrEqualTo(3);
            for (Path document : documents) {
                assertThat(reader.read(Files.readAllBytes(document)).nodes()).as(document.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void readsStatesByName() {
        Graph graph = parse("{\"name\": \"x\", \"state\": \"running\", \"nodes\": [{\"id\": 0}]}");

        assertThat(graph.state()).isEqualTo(State.RUNNING);
        assertThat(graph.nodes()).hasSize(1);
    }

    @Test
    void anUnknownFieldIsNamedWithTheNearestKnownOne() {
        assertThat(failure("{\"name\": \"x\", \"nodes\": [{\"id\": 0, \"tmeout\": 3}]}"))
                .isEqualTo(new Violation("nodes[0].tmeout", "unknown field; did you mean `timeout`? (line 1, column 47)"));
        assertThat(failure("{\"nodes\": [{\"id\": 0, \"retry\": {\"attempt\": 3}}]}"))
                .extracting(Violation::field, Violation::message)
                .containsExactly("nodes[0].retry.attempt", "unknown field; did you mean `attempts`? (line 1, column 45)");
        assertThat(failure("{\"Name\": \"x\"}").message()).startsWith("unknown field; did you mean `name`?");
    }

    @Test
    void anUnknownFieldFarFromAnyKnownOneListsTheKnownFields() {
        Violation violation = failure("{\"name\": \"x\", \"owner\": \"me\"}");

        assertThat(violation.field()).isEqualTo("owner");
        assertThat(violation.message()).startsWith("unknown field; known fields: ").contains("digraph, edges, id, idempotency_key");
    }

    @Test
    void theServerOwnedFieldsOfADocumentReadBackAreAccepted() {
        String readBack = """
                {"id": "0193", "name": "x", "state": 4, "state_name": "success", "start_date": "2024-01-31T10:00:00Z",
                 "stop_date": "2024-01-31T10:00:01Z", "deadline": "2024-01-31T11:00:00Z", "idempotency_key": "k", "digest": "d",
                 "nodes": [{"id": 0, "state": 4, "state_name": "success", "attempt": 1, "start_date": "2024-01-31T10:00:00Z",
                   "exit_code": 0, "message": "ok", "worker": "w", "retries": 0,
                   "attempts": [{"attempt": 1, "state": 4, "state_name": "success", "exit_code": 0}]}]}
                """;

        assertThat(parse(readBack).nodes().get(0).attempts()).hasSize(1);
    }

    @Test
    void malformedJsonSaysWhatWasExpected() {
        assertThat(failure("{\"name\": \"x\",}").message())
                .isEqualTo("malformed JSON: unexpected character '}': expected a field name in double quotes (line 1, column 14)");
        assertThat(failure("{\"name\": x}").message()).isEqualTo("malformed JSON: unrecognized token 'x': expected a value: "
                + "a string in double quotes, a number, an object, an array, true, false or null (line 1, column 10)");
    }

    @Test
    void malformedJsonIsToldPlainlyWithoutParserInternals() {
        for (String text : List.of("{\"name\": \"x\",}", "{\"name\": x}", "{\"name\": \"x\"", "{'name': 'x'}", "{\"nodes\": [{} {}]}",
                "{\"nodes\": [}", "{\"nodes\": [{\"id\": 99999999999}]}", "{\"name\": \"a\tb\"}", "{\"name\" \"x\"}")) {
            Violation violation = failure(text);
            assertThat(violation.message()).as(text).startsWith("malformed JSON: ").contains("(line 1, column")
                    .doesNotContain("code ", "Source", "`", "JsonReadFeature", "java", "StreamRead", "REDACTED");
        }
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
        Violation violation = failure("{\"nodes\": [{\"id\": 0, \"start_date\": \"yesterday\"}]}");

        assertThat(violation.field()).isEqualTo("nodes[0].start_date");
        assertThat(violation.message()).startsWith("'yesterday' is not a date-time such as 2024-01-31T10:00:00Z");
    }

    @Test
    void aScalarOfAnotherJsonTypeIsRefusedNotConverted() {
        assertThat(failure("{\"digraph\": [0, \"1\", 0, 0], \"nodes\": [{\"id\": 0}, {\"id\": 1}]}"))
                .extracting(Violation::field, Violation::message).containsExactly("digraph[1]", "must be a whole number, not a string (line 1, column 17)");
        assertThat(failure("{\"nodes\": [{\"id\": 0, \"timeout\": \"30\"}]}").field()).isEqualTo("nodes[0].timeout");
        assertThat(failure("{\"nodes\": [{\"id\": 0, \"timeout\": \"\"}]}").field()).isEqualTo("nodes[0].timeout");
        assertThat(failure("{\"nodes\": [{\"id\": 0, \"args\": [\"-c\", 5]}]}"))
                .extracting(Violation::field, Violation::message).containsExactly("nodes[0].args[1]", "must be a string, not a number (line 1, column 37)");
        assertThat(failure("{\"name\": true}").field()).isEqualTo("name");
        assertThat(failure("{\"nodes\": [{\"id\": 0, \"artifact\": 1.5}]}").field()).isEqualTo("nodes[0].artifact");
        assertThat(parse("{\"nodes\": [{\"id\": 0, \"timeout\": 30, \"args\": [\"5\"]}]}").nodes().get(0).timeout()).isEqualTo(30);
        assertThat(failure("{\"digraph\": [0.5], \"nodes\": [{\"id\": 0}]}"))
                .extracting(Violation::field, Violation::message).containsExactly("digraph[0]", "must be a whole number, not a decimal number (line 1, column 14)");
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingIt() {
        Violation violation = failure("{\"name\": \"x\", \"nodes\": [{\"id\": 0, \"engine\": \"nil\", \"engine\": \"shell\"}]}");

        assertThat(violation).isEqualTo(new Violation("nodes[0].engine", "is given twice; a field may appear once in an object (line 1, column 60)"));
        assertThat(failure("{\"name\": \"x\", \"name\": \"y\"}").field()).isEqualTo("name");
    }

    @Test
    void aTreeIsReadAsStrictlyAsADocument() {
        DocumentReader reader = new DocumentReader();

        assertThat(reader.readTree("{\"inputs\": {}, \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)).get("name").asString()).isEqualTo("x");
        assertThat(catchThrowableOfType(UnreadableDocumentException.class,
                () -> reader.readTree("{\"inputs\": {\"a\": 1, \"a\": 2}}".getBytes(StandardCharsets.UTF_8))).violation())
                .isEqualTo(new Violation("a", "is given twice; a field may appear once in an object (line 1, column 24)"));
        assertThat(catchThrowableOfType(UnreadableDocumentException.class, () -> reader.readTree(" ".getBytes(StandardCharsets.UTF_8))).violation().message())
                .startsWith("is empty");
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
