package org.gorchestrator.worker.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Processes that test fixtures start and record, one pid a line, in a file. */
public final class Processes {
    private Processes() {}

    /** The pids recorded so far in {@code file}. */
    public static List<Long> pids(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Long::parseLong).toList();
    }

    /** Gone or a zombie: an orphan stays a zombie where PID 1 does not reap, which is no running process. */
    public static boolean gone(long pid) throws IOException {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (NoSuchFileException e) {
            return true;
        }
    }
}
