package org.gorchestrator.worker.driver.ansible;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.gorchestrator.worker.driver.shell.ShellDriver;

/** The test playbooks under {@code src/test/resources/ansible}, and drivers that run them. */
final class AnsiblePlaybooks {
    private AnsiblePlaybooks() {}

    static Path dir() {
        try {
            return Path.of(AnsiblePlaybooks.class.getResource("/ansible").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static AnsibleDriver driver(Path inventory) {
        return new AnsibleDriver(new ShellDriver(Duration.ofMillis(500), dir()), new AnsibleSettings("ansible-playbook", inventory, dir()));
    }

    static boolean ansibleOnPath() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "ansible-playbook")));
    }
}
