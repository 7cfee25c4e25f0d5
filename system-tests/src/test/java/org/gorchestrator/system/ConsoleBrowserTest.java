package org.gorchestrator.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    @TempDir
    static Path dataDir;
    static Gorch gorch;

    @BeforeAll
    static void start() {
        ConsoleBrowser.assumeAvailable();
        gorch = new Gorch(dataDir).all("worker-1");
        ConsoleBrowser.assumeBuilt(gorch);
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
        ConsoleBrowser.runPassing("e2e/console.e2e.mjs",
                Map.of("BASE_URL", gorch.baseUrl(), "EXAMPLE", example.toString()), dataDir.resolve("e2e.log"));
    }
}
