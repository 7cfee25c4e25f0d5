package org.gorchestrator.worker.driver;

import java.io.IOException;
import java.nio.file.Path;
import org.gorchestrator.policy.PathResolver;

/**
 * The policy's view of paths on this worker: symbolic links followed, so that a link in the artifacts
 * directory cannot lead a node out of it. A path that does not exist (yet) resolves through its
 * deepest existing parent.
 */
public final class RealPaths implements PathResolver {
    @Override
    public Path resolve(Path absolute) {
        Path rest = absolute.getFileSystem().getPath("");
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(rest).normalize();
            } catch (IOException e) {
                rest = existing.getFileName().resolve(rest);
            }
        }
        return absolute;
    }
}
