package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show a task: its state and dates, and each node's state, attempt, exit code and message.",
        footerHeading = "%nExamples:%n",
        footer = {"  gorch get 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6",
            "  gorch get -o json 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6 | jq '.nodes[] | select(.state_name == \"failure\")'"})
final class GetCommand implements Callable<Integer> {
    @ParentCommand
    Gorch gorch;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's id.")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (the API's document, with every field). Default: ${DEFAULT-VALUE}")
    OutputFormat output;

    @Override
    public Integer call() {
        Graph task = gorch.client().get(id);
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(task));
            return Exit.SUCCESS;
        }
        Table head = new Table("TASK", task.id());
        head.row("name", PlainDisplay.name(task));
        head.row("state", task.stateName());
        head.row("started", task.startDate());
        head.row("stopped", task.stopDate());
        head.print(out);
        out.println();
        Table nodes = new Table("ID", "NAME", "STATE", "ATTEMPT", "ENGINE", "EXIT", "TOOK", "MESSAGE");
        for (Node node : task.nodes()) {
            nodes.row(node.id(), node.displayName(), node.stateName(), node.attempt(), node.engine(), node.exitCode(), took(node),
                    node.message());
        }
        nodes.print(out);
        return Exit.SUCCESS;
    }

    private static String took(Node node) {
        return node.startDate() == null || node.stopDate() == null ? null : Progress.format(Duration.between(node.startDate(), node.stopDate()));
    }
}
