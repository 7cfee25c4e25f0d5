package org.gorchestrator.system;

import java.nio.file.Path;
import java.util.Map;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against an API in mode jwt, in a real headless Chromium: console/e2e/console-signin.e2e.mjs is sent to the
 * issuer's login form, signs in (authorization code with PKCE), comes back signed in, submits a run and follows it live
 * with the token, and signs out. Skipped like {@link ConsoleBrowserTest}.
 */
@ExtendWith(KafkaBroker.class)
class ConsoleSignInBrowserTest {

    @TempDir
    static Path dataDir;
    static OidcIssuer issuer;
    static Gorch gorch;

    @BeforeAll
    static void start() {
        ConsoleBrowser.assumeAvailable();
        issuer = OidcIssuer.start();
        gorch = new Gorch(dataDir, "gorch.security.mode=jwt", "gorch.security.jwt.issuer-uri=" + issuer.uri(),
                "gorch.security.console.scopes=" + OidcIssuer.SCOPES).all("worker-1");
        ConsoleBrowser.assumeBuilt(gorch);
        issuer.registerConsoleAt(gorch.baseUrl() + "/");
    }

    @AfterAll
    static void stop() {
        if (gorch != null) {
            gorch.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void theConsoleSignsInAtTheIssuerAndCallsTheApiWithItsToken() throws Exception {
        ConsoleBrowser.runPassing("e2e/console-signin.e2e.mjs",
                Map.of("BASE_URL", gorch.baseUrl(), "USERNAME", OidcIssuer.USER, "PASSWORD", OidcIssuer.PASSWORD),
                dataDir.resolve("e2e-signin.log"));
    }
}
