package org.gorchestrator.worker.driver.ssh;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gorchestrator.json.Json;
import org.gorchestrator.worker.driver.Texts;
import org.yaml.snakeyaml.LoaderOptions;
import tools.jackson.core.JacksonException;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The hosts file, read at every run so that edits apply at once. YAML (or JSON, which is YAML): a
 * list of hosts {@code {name, host, port, user, private_key}}, or, like the seed's
 * {@code sshConfig.yaml}, a map from each name to the rest.
 */
final class SshHosts {
    private static final int SHOWN_CHARS = 100;

    private SshHosts() {}

    /**
     * @throws IllegalArgumentException when the file has no such host, or the host lacks something
     * @throws IOException              when the file cannot be read or is not YAML
     */
    static SshHost find(Path file, String target) throws IOException {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("the node has no target: it must name a host of " + file);
        }
        List<SshHost> hosts = read(file);
        SshHost host = hosts.stream().filter(h -> target.equals(h.name())).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no host '" + Texts.clip(target, SHOWN_CHARS) + "' in " + file + "; it has " + String.join(", ", hosts.stream().map(SshHost::name).toList())));
        if (host.host() == null || host.user() == null || host.privateKey() == null) {
            throw new IllegalArgumentException("host '" + host.name() + "' in " + file + " needs a host, a user and a private_key");
        }
        Path key = file.toAbsolutePath().getParent().resolve(host.privateKey());
        return new SshHost(host.name(), host.host(), host.port(), host.user(), key.toString());
    }

    private static List<SshHost> read(Path file) throws IOException {
        Object root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (NoSuchFileException e) {
            throw new IOException("no hosts file " + file + " (gorch.worker.ssh.hosts-file)", e);
        } catch (YAMLException e) {
            throw new IOException("the hosts file " + file + " cannot be read as YAML: " + Texts.clip(String.valueOf(e.getMessage()), SHOWN_CHARS), e);
        }
        List<SshHost> hosts = new ArrayList<>();
        try {
            if (root instanceof List<?> list) {
                list.forEach(entry -> hosts.add(Json.mapper().convertValue(entry, SshHost.class)));
            } else if (root instanceof Map<?, ?> byName) {
                byName.forEach((name, entry) -> hosts.add(named(String.valueOf(name), entry)));
            } else {
                throw new IOException("the hosts file " + file + " must hold a list of hosts or a map of them by name");
            }
        } catch (IllegalArgumentException | JacksonException e) {
            throw new IOException("a host in " + file + " is malformed: " + Texts.clip(String.valueOf(e.getMessage()), SHOWN_CHARS), e);
        }
        return hosts;
    }

    private static SshHost named(String name, Object entry) {
        Map<Object, Object> fields = entry instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : new LinkedHashMap<>();
        fields.put("name", name);
        return Json.mapper().convertValue(fields, SshHost.class);
    }
}
