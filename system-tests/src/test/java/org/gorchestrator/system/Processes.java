package org.gorchestrator.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tests' own processes: the JVM to start them with, and whether one still runs. */
final class Processes {
    private Processes() {}

    /** The {@code java} of the JVM running the tests, for processes started from the packaged jars. */
    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Whether a process still runs. A zombie (killed, not yet reaped by its parent) counts as gone. */
    static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            // "pid (comm) S ...": the state letter follows the closing parenthesis of the command name.
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }
}
