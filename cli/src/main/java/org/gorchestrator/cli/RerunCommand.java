package org.gorchestrator.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.gorchestrator.client.GorchClient;
import org.gorchestrator.model.Graph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Run again every node of a finished task that did not succeed; the nodes that succeeded keep their outputs.",
        footerHeading = "%nExamples:%n",
        footer = {"  gorch rerun 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6", "  gorch rerun --wait 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6"})
final class RerunCommand implements Callable<Integer> {
    /** The conductor applies a rerun within moments of the API's 202; past this, something is wrong. */
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

    @ParentCommand
    Gorch gorch;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's id.")
    String id;

    @Option(names = "--wait", description = "Follow the new run until it ends, as submit --wait does; the exit code says how it ended.")
    boolean wait;

    @Mixin
    Following following;

    @Override
    public Integer call() throws InterruptedException {
        GorchClient client = gorch.client();
        Instant endedBefore = wait ? client.get(id).stopDate() : null;
        client.rerun(id);
        if (!wait) {
            spec.commandLine().getOut().println("rerunning " + id);
            return Exit.SUCCESS;
        }
        if (!newRunStarted(client, endedBefore)) {
            spec.commandLine().getErr().println("gorch: the rerun of " + id + " did not start within " + START_LIMIT.toSeconds() + "s");
            return Exit.FAILURE;
        }
        return following.follow(client, id);
    }

    /**
     * The 202 comes before the conductor has acted: until it has, the task still shows the run before, finished, and following
     * it would end at once with the old outcome. A new run is running, or has ended at another time.
     */
    private boolean newRunStarted(GorchClient client, Instant endedBefore) throws InterruptedException {
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            Graph task = client.get(id);
            if (!task.state().isFinished() || !Objects.equals(task.stopDate(), endedBefore)) {
                return true;
            }
            Thread.sleep(LOOK_AGAIN.toMillis());
        }
        return false;
    }
}
