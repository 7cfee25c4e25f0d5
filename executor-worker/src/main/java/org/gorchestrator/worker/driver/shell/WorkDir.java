package org.gorchestrator.worker.driver.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A private, empty working directory for one process (owner-only on POSIX), deleted with its content afterwards. */
final class WorkDir implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDir.class);

    private final Path path;

    private WorkDir(Path path) {
        this.path = path;
    }

    static WorkDir create() throws IOException {
        return new WorkDir(Files.createTempDirectory("gorch-node-"));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        // Deepest first; walk() does not follow links, so a link out of the directory is removed, not its target.
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(WorkDir::delete);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the working directory {}: {}", path, e.toString());
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
