package org.gorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The API serves the web console at / (or, when the build skipped it, a page that says so), and the API beside it. */
class ConsolePageTest extends ApiIntegrationTest {

    @Test
    void theRootIsAnHtmlPageNamingGorchestrator() {
        ApiClient.Response page = api.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Gorchestrator");
        assertThat(api.get("/v1/tasks?limit=1").status()).isEqualTo(200);
    }

    @Test
    void inModeNoneTheConsoleIsToldItNeedsNoSignIn() {
        ApiClient.Response config = api.get("/console/config.json");

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).isEqualTo("{\"mode\":\"none\"}");
    }
}
