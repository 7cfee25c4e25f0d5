package org.gorchestrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow a task to its end, as submit --wait does; the exit code says how it ended.",
        footerHeading = "%nExample:%n",
        footer = "  gorch watch --timeout 10m 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6")
final class WatchCommand implements Callable<Integer> {
    @ParentCommand
    Gorch gorch;

    @Parameters(paramLabel = "ID", description = "The task's id.")
    String id;

    @Mixin
    Following following;

    @Override
    public Integer call() {
        return following.follow(gorch.client(), id);
    }
}
