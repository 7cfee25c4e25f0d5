package org.gorchestrator.worker.driver.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * @param hostsFile      the hosts that nodes may target (see {@link SshHosts})
 * @param connectTimeout how long connecting and logging in may take
 * @param killGrace      how long a stopped command gets between the TERM signal and closing its channel
 */
public record SshSettings(Path hostsFile, Duration connectTimeout, Duration killGrace) {
    public SshSettings {
        hostsFile = hostsFile.toAbsolutePath().normalize();
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(killGrace, "killGrace");
    }
}
