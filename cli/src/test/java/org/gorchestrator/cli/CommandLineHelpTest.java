package org.gorchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineHelpTest {

    @Test
    void everyCommandsHelpHasAnExample() {
        CommandLine gorch = Gorch.commandLine();

        assertThat(gorch.getUsageMessage()).contains("Examples:");
        for (Map.Entry<String, CommandLine> command : gorch.getSubcommands().entrySet()) {
            assertThat(command.getValue().getUsageMessage()).as(command.getKey()).containsPattern("Examples?:\\n  gorch " + command.getKey());
        }
    }
}
