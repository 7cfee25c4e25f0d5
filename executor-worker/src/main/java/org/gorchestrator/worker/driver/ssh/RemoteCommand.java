package org.gorchestrator.worker.driver.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.worker.driver.NodeEnvironment;

/**
 * The command line of an SSH exec request. SSH carries one string, which the remote user's login
 * shell parses, so every word in it is quoted for a POSIX shell: in single quotes, where no
 * character is special (no {@code $}, backquote, backslash, glob or separator), with each single
 * quote of the word written as {@code '\''} (close, escaped quote, reopen). Each word thus reaches
 * the program exactly as given, and no word can start a second command. Variable names are checked
 * to be names, so they need no quoting. This holds for sh, bash, dash, ksh and zsh; a login shell
 * that is not POSIX (csh, fish) is not supported.
 *
 * <p>The line exports the node's {@code GORCH_*} identity, then {@code exec}s the program, so that
 * a signal sent to the session reaches the program itself.
 */
final class RemoteCommand {
    private static final Pattern ENV_ARG = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    private RemoteCommand() {}

    /**
     * @param argsAsEnvironment {@code NAME=value} args become exported variables instead of argv (toscassh)
     * @throws IllegalArgumentException when a word cannot be passed (a NUL byte) or the artifact looks like an option
     */
    static String of(NodeCommand command, boolean argsAsEnvironment) {
        if (command.artifact().startsWith("-")) {
            throw new IllegalArgumentException("the artifact must not start with '-'");
        }
        Map<String, String> exports = NodeEnvironment.identity(command);
        List<String> argv = new ArrayList<>(List.of(command.artifact()));
        for (String arg : command.args()) {
            Matcher env = ENV_ARG.matcher(arg);
            if (argsAsEnvironment && env.matches()) {
                exports.put(env.group(1), env.group(2));
            } else {
                argv.add(arg);
            }
        }
        StringBuilder line = new StringBuilder("export");
        exports.forEach((name, value) -> line.append(' ').append(name).append('=').append(quote(value)));
        line.append("; exec");
        argv.forEach(word -> line.append(' ').append(quote(word)));
        return line.toString();
    }

    static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL byte cannot be passed in a remote command");
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
