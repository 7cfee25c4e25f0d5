package org.gorchestrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a running task: its running processes are killed, its nodes not finished become canceled.",
        footerHeading = "%nExample:%n",
        footer = "  gorch cancel 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6")
final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    Gorch gorch;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's id.")
    String id;

    @Override
    public Integer call() {
        gorch.client().cancel(id);
        spec.commandLine().getOut().println("canceling " + id);
        return Exit.SUCCESS;
    }
}
