package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real headless Chromium (Debian's, driven by playwright-core) against a whole running system:
 * console/e2e/console.e2e.mjs submits the seed example from the Submit page and watches it turn to success live, opens a
 * node's log, finds the run in the live Runs list, cancels a long run, and sees a cycle refused before submitting. It
 * saves its screenshots in target/console-screenshots (README's pictures come from there). Skipped, saying why, where
 * Chromium, Node.js or the console's node_modules are missing, or the console was not built (-Dgorch.console.skip).
 */
@ExtendWith(KafkaBroker.class)
class ConsoleBrowserTest {
    private static final Path CONSOLE = Gorch.REPO.resolve("console");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 240;

    @TempDir
    static Path dataDir;
    static Gorch gorch;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isDirectory(CONSOLE.resolve("node_modules/playwright-core")), "console/node_modules missing (npm ci in console/)");
        assumeTrue(onPath("node"), "no node on the PATH");
        gorch = new Gorch(dataDir).all("worker-1");
        assumeTrue(!gorch.getPath("/").body().contains("console-not-built"), "the console was not built (-Dgorch.console.skip)");
    }

    @AfterAll
    static void stop() {
        if (gorch != null) {
            gorch.close();
        }
    }

    @Test
    void theConsoleSubmitsFollowsAndCancelsRunsInARealBrowser() throws Exception {
        Path example = dataDir.resolve("seed-runnable.json");
        Files.writeString(example, Gorch.example("seed-runnable.json"));
        Path log = dataDir.resolve("e2e.log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/console.e2e.mjs")
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", gorch.baseUrl());
        node.environment().put("EXAMPLE", example.toString());
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
        assertThat(output).contains("console e2e: all steps passed");
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
