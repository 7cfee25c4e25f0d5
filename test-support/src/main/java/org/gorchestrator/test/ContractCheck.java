package org.gorchestrator.test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The contract validators of docs/contract-check (Redocly CLI for OpenAPI, AsyncAPI CLI), installed there by
 * {@code npm ci --prefix docs/contract-check} (.ci/run does). A test whose validator is missing is skipped, saying so.
 */
public final class ContractCheck {
    private static final long TIMEOUT_SECONDS = 120;

    public record Result(int exitCode, String output) {
    }

    private ContractCheck() {}

    /** docs/contract-check, found from the module's directory the tests run in. */
    public static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/contract-check");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/contract-check above " + here);
    }

    /** The installed command {@code name} (node_modules/.bin), or the test is skipped. */
    public static String command(String name) {
        Path bin = dir().resolve("node_modules/.bin").resolve(name);
        assumeTrue(Files.isExecutable(bin), name + " is not installed: run npm ci --prefix docs/contract-check");
        return bin.toString();
    }

    /** Runs it to its end (bounded): the exit code and everything it printed, standard error included. */
    public static Result run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("contract-check-", ".out");
        Path analytics = output.resolveSibling(output.getFileName() + ".analytics");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            // The tools report usage to their vendors unless told not to: a test sends nothing anywhere, and leaves no
            // file in the home directory.
            builder.environment().put("CI", "true");
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("ASYNCAPI_METRICS_CONFIG_PATH", analytics.toString());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(analytics);
        }
    }
}
