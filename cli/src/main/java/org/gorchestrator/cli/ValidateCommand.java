package org.gorchestrator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gorchestrator.model.Dag;
import org.gorchestrator.model.Graph;
import org.gorchestrator.validation.GraphValidator;
import org.gorchestrator.validation.Limits;
import org.gorchestrator.validation.UnreadableDocumentException;
import org.gorchestrator.validation.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a document offline, with the API's own reader and validator and its default limits, then against "
                + "the document's JSON Schema (docs/schema/gorch-document.json): every problem is printed as FILE: FIELD: MESSAGE, "
                + "the same words the API answers.",
        footerHeading = "%nExamples:%n",
        footer = {"  gorch validate examples/seed-runnable.json", "  gorch validate --pools gpu,arm pipeline.json"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The document, a JSON file.")
    Path file;

    @Option(names = "--pools", paramLabel = "POOL", split = ",",
            description = "Worker pools the server declares (its gorch.kafka.pools), which nodes may target as pool:NAME.")
    Set<String> pools = Set.of();

    @Override
    public Integer call() {
        Graph graph;
        try {
            graph = Documents.read(file);
        } catch (UnreadableDocumentException e) {
            return invalid(List.of(e.violation()));
        }
        List<Violation> violations = validator(pools).validate(graph);
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        List<Violation> schemaViolations = DocumentSchemaCheck.violations(Documents.text(file));
        if (!schemaViolations.isEmpty()) {
            return invalid(schemaViolations);
        }
        Dag dag = Dag.of(graph);
        spec.commandLine().getOut().println(file + ": valid, " + dag.size() + " nodes, " + dag.edgeCount() + " edges");
        return Exit.SUCCESS;
    }

    /** The API's validator with its default limits. */
    static GraphValidator validator(Set<String> pools) {
        return new GraphValidator(Limits.DEFAULTS.withPools(pools));
    }

    private int invalid(List<Violation> violations) {
        Documents.describe(file, violations).forEach(spec.commandLine().getErr()::println);
        return Exit.INVALID_DOCUMENT;
    }
}
