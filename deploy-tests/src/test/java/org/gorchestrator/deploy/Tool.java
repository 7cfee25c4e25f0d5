package org.gorchestrator.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command-line tool these tests run, and what it printed; a test that needs a missing tool is skipped, saying why. */
final class Tool {
    private static final long TIMEOUT_SECONDS = 60;

    record Result(int exitCode, String output, String errors) {
    }

    private Tool() {
    }

    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    }

    static void assumeOnPath(String name, String installHint) {
        assumeTrue(onPath(name), name + " is not on the PATH (" + installHint + ")");
    }

    /** Runs the command in {@code dir}: its standard output, and its standard error apart (through a file, so neither blocks). */
    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("tool-", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8), Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
