package org.gorchestrator.validation;

import java.util.List;
import org.gorchestrator.model.Graph;

/** A check a service adds to {@link GraphValidator}'s own, for what only it knows (e.g. the policies of the worker pools). */
@FunctionalInterface
public interface DocumentCheck {
    /** Runs on a document whose nodes are all there; returns what is wrong with it, each naming its field. */
    List<Violation> check(Graph graph);
}
