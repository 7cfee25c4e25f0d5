package org.gorchestrator.worker.driver.ansible;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.gorchestrator.json.Json;
import org.gorchestrator.worker.driver.Texts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The ansible callback plugin {@code gorch_report.py}, which prints to the standard output what the
 * worker needs: the outputs as a {@code ::{"outputs": …}::} line (set_stats data) and debug messages
 * as they are, both read like a shell node's output, and a {@code ::gorch-failed::} line per failed task.
 * ansible-core has no stdout callback that gives these in a form to parse.
 */
final class ReportCallback {
    static final String FILE = "gorch_report.py";
    private static final String FAILED = "::gorch-failed::";
    private static final int SHOWN_CHARS = 300;
    private static final byte[] PLUGIN = load();

    private Path dir;

    /**
     * The directory holding the plugin, for {@code ANSIBLE_CALLBACK_PLUGINS}. A temporary one,
     * written again when it went: a long-lived worker's temporary files can be cleaned away.
     */
    synchronized Path directory() throws IOException {
        if (dir == null || !Files.isRegularFile(dir.resolve(FILE))) {
            // Readable by all: nodes may run as another user (gorch.worker.policy.run-as); the plugin holds no secret.
            dir = Files.createTempDirectory("gorch-ansible-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.write(dir.resolve(FILE), PLUGIN);
            Files.setPosixFilePermissions(dir.resolve(FILE), PosixFilePermissions.fromString("rw-r--r--"));
            dir.toFile().deleteOnExit();
            dir.resolve(FILE).toFile().deleteOnExit();
        }
        return dir;
    }

    /** Which task failed, on which host and why, from the last failure line of the standard output. */
    static Optional<String> failure(String stdout) {
        return stdout.lines().filter(line -> line.startsWith(FAILED)).reduce((first, last) -> last).flatMap(ReportCallback::describe);
    }

    private static Optional<String> describe(String line) {
        try {
            JsonNode failure = Json.mapper().readTree(line.substring(FAILED.length()));
            String reason = failure.path("msg").asString("").lines().findFirst().orElse("");
            return Optional.of("task '" + failure.path("task").asString("?") + "' failed on " + failure.path("host").asString("?")
                    + (reason.isEmpty() ? "" : ": " + Texts.clip(reason, SHOWN_CHARS)));
        } catch (JacksonException e) {
            return Optional.empty(); // cut by the output limit
        }
    }

    private static byte[] load() {
        try (InputStream in = ReportCallback.class.getResourceAsStream(FILE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
