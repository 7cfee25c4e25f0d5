package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of console/e2e's scripts in Debian's headless Chromium (playwright-core) against a running system, and checks
 * that every step of it passed. Its screenshots go to target/console-screenshots.
 */
final class ConsoleBrowser {
    private static final Path CONSOLE = Gorch.REPO.resolve("console");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 240;

    private ConsoleBrowser() {
    }

    /** Skips the test, saying why, where Chromium, Node.js or the console's node_modules are missing. */
    static void assumeAvailable() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isDirectory(CONSOLE.resolve("node_modules/playwright-core")), "console/node_modules missing (npm ci in console/)");
        assumeTrue(onPath("node"), "no node on the PATH");
    }

    /** Skips the test where the console was not built (-Dgorch.console.skip): the API then serves a page saying so. */
    static void assumeBuilt(Gorch gorch) {
        assumeTrue(!gorch.getPath("/").body().contains("console-not-built"), "the console was not built (-Dgorch.console.skip)");
    }

    static void runPassing(String script, Map<String, String> env, Path log) throws IOException, InterruptedException {
        ProcessBuilder node = new ProcessBuilder("node", script)
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().putAll(env);
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        node.environment().put("SCREENSHOTS", Path.of("target", "console-screenshots").toAbsolutePath().toString());
        Process process = node.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);

        assertThat(finished).as("the browser test ended within %ss:%n%s", TIMEOUT_SECONDS, output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("all steps passed");
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
