package org.gorchestrator.conductor.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerConductorMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerConductorMetrics metrics = new MicrometerConductorMetrics(registry);

    @Test
    void rejectedInputsAreCountedByReason() {
        metrics.rejected("malformed");
        metrics.rejected("malformed");
        metrics.rejected("unknown-workflow");

        assertThat(registry.get("gorch.conductor.rejected.inputs").tag("reason", "malformed").counter().count()).isEqualTo(2);
        assertThat(registry.get("gorch.conductor.rejected.inputs").tag("reason", "unknown-workflow").counter().count()).isEqualTo(1);
    }
}
