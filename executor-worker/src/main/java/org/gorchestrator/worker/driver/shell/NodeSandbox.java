package org.gorchestrator.worker.driver.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.NodeEnvironment;

/**
 * How a node's local process starts: with a clean environment (see {@link NodeEnvironment#of}) and,
 * where configured, as another user, which keeps it out of the worker's {@code /proc/<pid>/environ}
 * and files, and in its own user and PID namespace with its own {@code /proc}, which hides every other
 * process, the worker's command line among them (any user may read a process's command line).
 *
 * @param passEnv       names of the worker's variables that nodes get besides PATH, HOME and LANG
 * @param runAs         the user nodes run as; null: the worker's own
 * @param hideProcesses whether nodes run in their own PID namespace ({@code unshare} from util-linux)
 */
public record NodeSandbox(List<String> passEnv, RunAs runAs, boolean hideProcesses) {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> OWN_NAMESPACES =
            List.of("unshare", "--user", "--map-current-user", "--pid", "--fork", "--mount-proc", "--kill-child", "--");

    /** A clean environment, nothing else. */
    public static final NodeSandbox CLEAN = new NodeSandbox(List.of(), null, false);

    public NodeSandbox {
        passEnv = passEnv == null ? List.of() : List.copyOf(passEnv);
        passEnv.forEach(name -> {
            if (!VARIABLE.matcher(name).matches()) {
                throw new IllegalArgumentException("gorch.worker.policy.pass-env: '" + name + "' is not a variable name");
            }
        });
    }

    /** The argv that starts {@code program} (the program and its args) this way. */
    List<String> argv(List<String> program) {
        List<String> argv = new ArrayList<>();
        if (runAs != null) {
            argv.addAll(runAs.prefix());
        }
        if (hideProcesses) {
            argv.addAll(OWN_NAMESPACES);
        }
        argv.addAll(program);
        return argv;
    }

    /** Another user's home is not the worker's: such a node gets its working directory as HOME (ansible writes there). */
    Map<String, String> environment(NodeCommand command, Map<String, String> worker, Path workDir) {
        Map<String, String> env = NodeEnvironment.of(command, worker, passEnv);
        if (runAs != null) {
            env.put("HOME", workDir.toString());
        }
        return env;
    }

    /** Gives the node's private working directory to the user it runs as. */
    void handOver(Path workDir) throws IOException {
        if (runAs == null) {
            return;
        }
        UserPrincipalLookupService users = workDir.getFileSystem().getUserPrincipalLookupService();
        GroupPrincipal group = users.lookupPrincipalByGroupName(runAs.group());
        PosixFileAttributeView view = Files.getFileAttributeView(workDir, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(runAs.user()));
        view.setGroup(group);
    }

    /**
     * Starts {@code true} this way once: a worker that may not switch users or create namespaces (not root,
     * no setpriv or unshare, a seccomp profile that forbids it) fails at start, saying why.
     */
    public void probe() {
        if (runAs != null || hideProcesses) {
            Probe.output(argv(List.of("true")), "starting a node " + (runAs == null ? "" : "as " + runAs.user() + ":" + runAs.group() + " ")
                    + (hideProcesses ? "in its own PID namespace " : "") + "(gorch.worker.policy.run-as, hide-processes)");
        }
    }
}
