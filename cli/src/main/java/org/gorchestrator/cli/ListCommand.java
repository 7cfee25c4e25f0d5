package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.gorchestrator.client.TaskQuery;
import org.gorchestrator.client.TaskSummary;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List tasks, newest first: id, name, state and dates.",
        footerHeading = "%nExamples:%n",
        footer = {"  gorch list --state running", "  gorch list --limit 200 -o json | jq -r '.[].id'"})
final class ListCommand implements Callable<Integer> {
    /** Pages asked of the server: within its default max-page-size (500), few requests for a long list. */
    private static final int PAGE = 100;

    @ParentCommand
    Gorch gorch;

    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "STATE", converter = StateConverter.class,
            description = "Only tasks in this state: running, success, failure, timeout, canceled (or its code).")
    State state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N tasks. Default: ${DEFAULT-VALUE}")
    int limit;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, or json: an array of {id, name, state, state_name, start_date, stop_date}. Default: ${DEFAULT-VALUE}")
    OutputFormat output;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more, was " + limit);
        }
        TaskQuery query = TaskQuery.all().pageSize(Math.min(limit, PAGE));
        List<TaskSummary> tasks = gorch.client().listAll(state == null ? query : query.inState(state)).limit(limit).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tasks));
            return Exit.SUCCESS;
        }
        Table table = new Table("ID", "NAME", "STATE", "STARTED", "STOPPED");
        tasks.forEach(task -> table.row(task.id(), task.name(), task.state().label(), task.startDate(), task.stopDate()));
        table.print(out);
        return Exit.SUCCESS;
    }

    /** A state by name or code, as the API's filter takes it. */
    static final class StateConverter implements ITypeConverter<State> {
        @Override
        public State convert(String value) {
            try {
                return State.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + "; use a name such as running or a code such as 2");
            }
        }
    }
}
