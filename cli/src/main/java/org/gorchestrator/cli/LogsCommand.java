package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gorchestrator.client.GorchClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print what a node printed (stdout and stderr, in order); with -f, go on printing while it runs, until its log is complete.",
        footerHeading = "%nExamples:%n",
        footer = {"  gorch logs 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6 provision",
            "  gorch logs -f --attempt 2 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6 3"})
final class LogsCommand implements Callable<Integer> {
    @ParentCommand
    Gorch gorch;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The task's id.")
    String id;

    @Parameters(index = "1", paramLabel = "NODE", description = "The node's name or id.")
    String node;

    @Option(names = {"-f", "--follow"}, description = "Follow the log as the node prints, until it is complete.")
    boolean follow;

    @Option(names = "--attempt", paramLabel = "N", description = "Attempt N (1 for the first). Default: the node's current attempt.")
    Integer attempt;

    @Override
    public Integer call() {
        if (attempt != null && attempt < 1) {
            throw new ParameterException(spec.commandLine(), "--attempt must be 1 or more, was " + attempt);
        }
        GorchClient client = gorch.client();
        PrintWriter out = spec.commandLine().getOut();
        if (!follow) {
            out.print(attempt == null ? client.logs(id, node) : client.logs(id, node, attempt));
            out.flush();
            return Exit.SUCCESS;
        }
        boolean complete = attempt == null
                ? client.followLogs(id, node, line -> out.println(line.text()))
                : client.followLogs(id, node, attempt, line -> out.println(line.text()));
        if (!complete) {
            spec.commandLine().getErr().println("gorch: the server closed the log before its end (it may be stopping); run the command again");
            return Exit.UNAVAILABLE;
        }
        return Exit.SUCCESS;
    }
}
