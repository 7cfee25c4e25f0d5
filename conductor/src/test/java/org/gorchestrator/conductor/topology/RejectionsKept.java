package org.gorchestrator.conductor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gorchestrator.engine.Decision;
import org.gorchestrator.message.EngineInput;

/** Conductor metrics that keep the reasons of the inputs refused, in order, and nothing else. */
final class RejectionsKept implements ConductorMetrics {
    final List<String> reasons = new ArrayList<>();

    @Override
    public void applied(EngineInput input, Decision decision, Instant now) {
    }

    @Override
    public void rejected(String reason) {
        reasons.add(reason);
    }
}
