package org.gorchestrator.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a process still runs. A zombie (killed, not yet reaped by its parent) counts as gone. */
final class Processes {
    private Processes() {}

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
