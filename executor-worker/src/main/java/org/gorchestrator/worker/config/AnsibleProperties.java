package org.gorchestrator.worker.config;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.gorchestrator.worker.driver.ansible.AnsibleSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.worker.ansible.*}.
 *
 * @param command   the {@code ansible-playbook} program: a name on the PATH or a path
 * @param inventory the inventory file whose hosts and groups nodes may target; empty: localhost only
 */
@Validated
@ConfigurationProperties("gorch.worker.ansible")
public record AnsibleProperties(
        @DefaultValue("ansible-playbook") @NotBlank String command,
        @DefaultValue("") String inventory) {

    AnsibleSettings toSettings(Path artifactsDir) {
        return new AnsibleSettings(command, inventory.isBlank() ? null : Path.of(inventory), artifactsDir);
    }
}
