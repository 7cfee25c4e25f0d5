package org.gorchestrator.worker.driver.shell;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The user and group a node's process runs as, switched to with {@code setpriv} (util-linux): no
 * supplementary groups, and no new privileges through setuid programs such as {@code sudo}.
 *
 * @param user  a login name or a numeric user id
 * @param group a group name or a numeric group id
 */
public record RunAs(String user, String group) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public RunAs {
        requireName("user", user);
        requireName("group", group);
    }

    /** {@code user:group}; a lone {@code user} runs with that user's primary group. */
    public static RunAs parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            return new RunAs(spec.substring(0, colon), spec.substring(colon + 1));
        }
        requireName("user", spec);
        return new RunAs(spec, Probe.output(List.of("id", "-g", spec), "finding the primary group of user '" + spec + "' (gorch.worker.policy.run-as)"));
    }

    List<String> prefix() {
        return List.of("setpriv", "--reuid=" + user, "--regid=" + group, "--clear-groups", "--no-new-privs", "--");
    }

    private static void requireName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("gorch.worker.policy.run-as: the " + what + " must be a name or a number, was '" + name + "'");
        }
    }
}
