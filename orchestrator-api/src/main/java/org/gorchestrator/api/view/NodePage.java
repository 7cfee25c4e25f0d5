package org.gorchestrator.api.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * One page of a task's nodes, by id, and the cursor of the next page.
 *
 * @param nodes the nodes, in id order
 * @param next  the id of the last node here, to pass as {@code after} for the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodePage(List<Node> nodes, @Schema(description = "Pass as ?after= for the next page; absent on the last page") String next) {
    public NodePage {
        nodes = List.copyOf(nodes);
    }

    /** Up to {@code limit} of {@code nodes} (in id order) with an id above {@code after}, in {@code state} when given. */
    public static NodePage of(List<Node> nodes, Optional<State> state, int after, int limit) {
        List<Node> page = new ArrayList<>(Math.min(limit, nodes.size()));
        for (Node node : nodes) {
            if (node.id() != null && node.id() > after && (state.isEmpty() || node.state() == state.get())) {
                page.add(node);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return of(page, limit);
    }

    /** A page of {@code found}: a full one may have more after it. */
    static NodePage of(List<Node> found, int limit) {
        return new NodePage(found, found.size() < limit ? null : Integer.toString(found.get(found.size() - 1).id()));
    }
}
