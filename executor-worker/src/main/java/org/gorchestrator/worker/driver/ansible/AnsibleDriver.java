package org.gorchestrator.worker.driver.ansible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.driver.Texts;
import org.gorchestrator.worker.driver.shell.ShellDriver;

/**
 * Engine {@code ansible}: runs the playbook named by the artifact with {@code ansible-playbook}.
 * {@code NAME=value} args become extra vars, a few options pass through (see {@link PlaybookArgs}).
 * The node's target is a host or group of the configured inventory; without a target the play runs
 * on localhost over a local connection. Outputs come from {@code set_stats} and from debug messages
 * {@code NAME=value} (see {@link ReportCallback}).
 *
 * <p>The process runs through the shell driver, so it gets the same private working directory,
 * time limit, kill of the whole process tree and bounded output.
 */
public final class AnsibleDriver implements Driver {
    private static final Pattern HOST_OR_GROUP = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final int SHOWN_CHARS = 200;
    /** Relative: ansible resolves it against its working directory, the node's private one. */
    private static final String CONTROL_PATH_DIR = "ssh-control";

    private final ShellDriver shell;
    private final AnsibleSettings settings;
    private final ReportCallback callback = new ReportCallback();

    public AnsibleDriver(ShellDriver shell, AnsibleSettings settings) {
        this.shell = Objects.requireNonNull(shell, "shell");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String engine() {
        return "ansible";
    }

    @Override
    public DriverResult run(NodeCommand command, RunContext context) {
        List<String> argv;
        try {
            argv = argv(command);
        } catch (IllegalArgumentException e) {
            return DriverResult.failed("ansible: " + e.getMessage());
        } catch (IOException e) {
            return DriverResult.failed("ansible: cannot write its callback plugin on worker " + context.workerId() + ": " + e.getMessage());
        }
        DriverResult process = shell.run(asShellCommand(command, argv), context);
        if (process.success() || process.exitCode() == null) {
            return process; // succeeded, or timed out, canceled or never started: the shell driver said so
        }
        String why = ReportCallback.failure(process.stdoutTail()).orElseGet(() -> errorLine(process.stderrTail()));
        return new DriverResult(false, process.exitCode(), process.outputs(), process.message() + ": " + why, process.stdoutTail(),
                process.stderrTail(), false);
    }

    private List<String> argv(NodeCommand command) throws IOException {
        PlaybookArgs args = PlaybookArgs.parse(command.args());
        List<String> argv = new ArrayList<>();
        // The shell driver takes argv only, so ansible's settings ride on env(1).
        argv.add("ANSIBLE_CALLBACK_PLUGINS=" + callback.directory());
        // ssh's connection masters (ControlPersist) live in the node's private directory, not in ~/.ansible/cp where
        // other nodes would use them: they are the node's processes and end with it (ShellDriver).
        argv.add("ANSIBLE_SSH_CONTROL_PATH_DIR=" + CONTROL_PATH_DIR);
        argv.add(settings.command());
        argv.addAll(inventory(command.target()));
        argv.add("--extra-vars=" + unsafeJson(args.extraVars()));
        argv.addAll(args.options());
        argv.add(playbook(command.artifact()).toString());
        return argv;
    }

    /**
     * The extra vars as one JSON object, each value marked {@code __ansible_unsafe}: ansible then never
     * evaluates it as a template, so an arg such as <code>{{ lookup('pipe', 'id') }}</code> stays text.
     */
    private static String unsafeJson(Map<String, String> extraVars) {
        Map<String, Map<String, String>> unsafe = new LinkedHashMap<>();
        extraVars.forEach((name, value) -> unsafe.put(name, Map.of("__ansible_unsafe", value)));
        return Json.writeString(unsafe);
    }

    private List<String> inventory(String target) {
        boolean localhost = target == null || target.isBlank() || target.equals("localhost") && settings.inventory() == null;
        if (localhost) {
            return List.of("--inventory=localhost,", "--connection=local");
        }
        if (settings.inventory() == null) {
            throw new IllegalArgumentException("the node targets '" + Texts.clip(target, SHOWN_CHARS)
                    + "' but this worker has no inventory (gorch.worker.ansible.inventory); without one only localhost can be targeted");
        }
        if (!HOST_OR_GROUP.matcher(target).matches()) {
            throw new IllegalArgumentException("target '" + Texts.clip(target, SHOWN_CHARS) + "' is not a host or group name");
        }
        return List.of("--inventory=" + settings.inventory(), "--limit=" + target);
    }

    private Path playbook(String artifact) {
        if (artifact == null || artifact.isBlank()) {
            throw new IllegalArgumentException("the artifact must name the playbook to run");
        }
        Path playbook = settings.artifactsDir().resolve(artifact);
        if (!Files.isRegularFile(playbook)) {
            throw new IllegalArgumentException("no playbook " + Texts.clip(playbook.toString(), SHOWN_CHARS));
        }
        return playbook;
    }

    private static NodeCommand asShellCommand(NodeCommand c, List<String> argv) {
        return new NodeCommand(c.workflowId(), c.nodeId(), c.attempt(), c.name(), "shell", "env", argv, c.target(), c.outputs(),
                c.timeoutSeconds(), c.at());
    }

    /** ansible's own {@code ERROR!} line, else the last line of the standard error. */
    private static String errorLine(String stderr) {
        List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
        String line = lines.stream().filter(l -> l.startsWith("ERROR!")).findFirst().orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        return Texts.clip(line, SHOWN_CHARS);
    }
}
