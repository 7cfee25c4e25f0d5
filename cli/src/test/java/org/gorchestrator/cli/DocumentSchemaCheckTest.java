package org.gorchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentSchemaCheckTest {

    static Stream<Path> exampleDocuments() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            return files.filter(path -> path.toString().endsWith(".json")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleDocuments")
    void everyExampleDocumentOfTheRepositoryMatchesTheSchema(Path document) throws IOException {
        // cycle.json too: a cycle is for the server's validator to find, a schema cannot say it.
        assertThat(DocumentSchemaCheck.violations(Files.readString(document))).isEmpty();
    }

    @Test
    void theSeedsOwnExampleMatchesTheSchema() {
        assertThat(DocumentSchemaCheck.violations(Graphs.seedExampleJson())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\": \"x\", \"edges\": [], \"nodes\": [{\"id\": 0, \"tmeout\": 3}]}",
        "{\"name\": \"x\", \"edges\": [], \"digraph\": [0], \"nodes\": [{\"id\": 0}]}",
        "{\"name\": \"x\", \"nodes\": [{\"id\": 0}]}",
        "{\"name\": \"x\", \"edges\": [], \"nodes\": []}",
        "{\"name\": \"x\", \"edges\": [], \"nodes\": [{\"id\": 0, \"engine\": \"teleport\"}]}",
        "{\"name\": \"x\", \"digraph\": [-1], \"nodes\": [{\"id\": 0}]}",
        "{\"name\": \"x\", \"edges\": [[0, 1, 2]], \"nodes\": [{\"id\": 0}, {\"id\": 1}]}",
        "{\"name\": \"x\", \"edges\": [], \"nodes\": [{\"name\": \"no id\"}]}",
        "{\"name\": \"x\", \"edges\": [], \"timeout\": 0, \"nodes\": [{\"id\": 0}]}",
        "{\"name\": \"x\", \"edges\": [], \"nodes\": [{\"id\": 0, \"retry\": {\"attempts\": 0}}]}"
    })
    void whatTheSchemaCanSayIsRefused(String document) {
        List<Violation> violations = DocumentSchemaCheck.violations(document);

        assertThat(violations).as(document).isNotEmpty();
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).startsWith("JSON Schema: "));
    }
}
