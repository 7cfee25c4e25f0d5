package org.gorchestrator.worker.driver.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short helper command at start and says plainly why it failed: a misconfigured worker stops at once, not at its first node. */
final class Probe {
    private static final long TIMEOUT_SECONDS = 10;

    private Probe() {}

    /** @return the trimmed standard output of {@code argv}; {@code what} says what it was run for, in the error */
    static String output(List<String> argv, String what) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " failed: " + argv.get(0) + " did not end in " + TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed: `" + String.join(" ", argv) + "` said: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }
}
