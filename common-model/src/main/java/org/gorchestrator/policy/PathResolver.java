package org.gorchestrator.policy;

import java.nio.file.Path;

/**
 * How the policy sees an absolute, normalized path: as written where no file system is at hand (the
 * API checking a document), or with its symbolic links followed where the node will run (the worker),
 * so that a link cannot lead an artifact out of its directory.
 */
@FunctionalInterface
public interface PathResolver {
    PathResolver LEXICAL = path -> path;

    Path resolve(Path absolute);
}
