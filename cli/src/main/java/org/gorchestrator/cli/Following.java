package org.gorchestrator.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.gorchestrator.client.GorchClient;
import org.gorchestrator.client.WaitTimeoutException;
import org.gorchestrator.model.Graph;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Following a run to its end, on a live display or in plain lines, for {@code submit --wait} and {@code watch}. */
final class Following {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop waiting after this long (500ms, 30s, 5m, 1h), exit code 2; the run goes on. Default: until it ends.")
    Duration timeout;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** @return the exit code of how the run ended: 0 success, 1 failure, 2 timeout (or --timeout passed), 3 canceled */
    int follow(GorchClient client, String id) {
        RunDisplay display = RunDisplay.forTerminal(System.console() != null, spec.commandLine().getOut(), Clock.systemUTC());
        try {
            Graph done = Optional.ofNullable(timeout)
                    .map(limit -> client.watch(id, limit, display::show))
                    .orElseGet(() -> client.watch(id, display::show));
            return Exit.of(done.state());
        } catch (WaitTimeoutException e) {
            display.gaveUp(e.last(), timeout);
            return Exit.TIMEOUT;
        }
    }
}
