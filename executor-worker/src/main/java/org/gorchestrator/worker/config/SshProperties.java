package org.gorchestrator.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import org.gorchestrator.worker.driver.ssh.SshSettings;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.worker.ssh.*}, for engines {@code ssh} and {@code toscassh}.
 *
 * @param hostsFile      the hosts that nodes may target, by name (the seed's {@code sshConfig.yaml} format works)
 * @param knownHosts     the known-hosts file holding each host's key; empty: {@code ~/.ssh/known_hosts}
 * @param connectTimeout how long connecting and logging in to a host may take
 */
@Validated
@ConfigurationProperties("gorch.worker.ssh")
public record SshProperties(
        @DefaultValue("sshConfig.yaml") String hostsFile,
        @DefaultValue("") String knownHosts,
        @DefaultValue("10s") @DurationMin(millis = 1) Duration connectTimeout) {

    Path knownHostsPath() {
        return knownHosts.isBlank() ? Path.of(System.getProperty("user.home"), ".ssh", "known_hosts") : Path.of(knownHosts);
    }

    SshSettings toSettings(Duration killGrace) {
        return new SshSettings(Path.of(hostsFile), connectTimeout, killGrace);
    }
}
