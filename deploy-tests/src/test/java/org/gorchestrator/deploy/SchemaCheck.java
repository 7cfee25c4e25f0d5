package org.gorchestrator.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * deploy/schema-check: validates rendered Kubernetes objects against the Kubernetes, KEDA and
 * Prometheus Operator OpenAPI schemas, or a Compose file against the Compose Specification's JSON
 * Schema, with packages from npm ({@code npm ci --prefix deploy/schema-check}, which .ci/run does).
 * Skipped, saying so, where Node.js or those packages are missing.
 */
final class SchemaCheck {
    private static final Path DIR = Repository.DEPLOY.resolve("schema-check");

    private SchemaCheck() {
    }

    /** What the schemas find wrong, one problem a line; empty when valid. */
    static String problems(String mode, String yaml) throws IOException, InterruptedException {
        Tool.assumeOnPath("node", "Debian: apt-get install nodejs npm");
        assumeTrue(Files.isDirectory(DIR.resolve("node_modules")), "the schema packages are not installed: npm ci --prefix " + DIR);
        Path file = Files.createTempFile("schema-check-", ".yaml");
        try {
            Files.writeString(file, yaml);
            Tool.Result result = Tool.run(DIR, "node", "check.mjs", mode, file.toString());
            return result.exitCode() == 0 ? "" : result.output() + result.errors();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
