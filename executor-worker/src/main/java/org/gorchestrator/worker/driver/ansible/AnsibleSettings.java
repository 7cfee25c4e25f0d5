package org.gorchestrator.worker.driver.ansible;

import java.nio.file.Path;
import java.util.Objects;

/**
 * @param command      the {@code ansible-playbook} program: a name looked up on the PATH, or a path
 * @param inventory    the inventory file whose hosts and groups nodes may target, or null: localhost only
 * @param artifactsDir what a relative playbook path is relative to
 */
public record AnsibleSettings(String command, Path inventory, Path artifactsDir) {
    public AnsibleSettings {
        Objects.requireNonNull(command, "command");
        if (command.isBlank() || command.contains("=")) {
            throw new IllegalArgumentException("the ansible-playbook command must be a program name or path without '=', was '" + command + "'");
        }
        // It runs in a private working directory: a relative path would not be found from there.
        command = command.contains("/") ? Path.of(command).toAbsolutePath().normalize().toString() : command;
        inventory = inventory == null ? null : inventory.toAbsolutePath().normalize();
        artifactsDir = artifactsDir.toAbsolutePath().normalize();
    }
}
