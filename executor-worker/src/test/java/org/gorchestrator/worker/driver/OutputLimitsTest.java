package org.gorchestrator.worker.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputLimitsTest {
    private final OutputLimits limits = new OutputLimits(1024, 2048);

    @Test
    void aSucceededAttemptWithinTheBoundsIsUnchanged() {
        DriverResult result = succeeded(Map.of("a", "x".repeat(1024), "b", "y".repeat(1024)));

        assertThat(limits.apply(result)).isSameAs(result);
    }

    @Test
    void aValueOverItsBoundFailsTheAttemptNamingTheOutputAndTheBound() {
        DriverResult result = new DriverResult(true, 0, Map.of("ip_address", "x".repeat(1025), "small", "1"), "exit code 0", "out", "err",
                false);

        DriverResult bounded = limits.apply(result);

        assertThat(bounded.success()).isFalse();
        assertThat(bounded.message()).isEqualTo("output ip_address is 1025 bytes, over gorch.worker.max-output-value-size (1024)");
        assertThat(bounded.outputs()).as("never a value cut short").isEmpty();
        assertThat(bounded.exitCode()).isZero();
        assertThat(bounded.stdoutTail()).isEqualTo("out");
        assertThat(bounded.stderrTail()).isEqualTo("err");
        assertThat(bounded.timedOut()).isFalse();
    }

    @Test
    void valuesAreMeasuredInUtf8Bytes() {
        // 600 characters, 1,200 bytes
        DriverResult bounded = limits.apply(succeeded(Map.of("name", "é".repeat(600))));

        assertThat(bounded.message()).isEqualTo("output name is 1200 bytes, over gorch.worker.max-output-value-size (1024)");
    }

    @Test
    void ofSeveralValuesOverTheBoundTheFirstByNameIsNamed() {
        DriverResult bounded = limits.apply(succeeded(Map.of("zeta", "z".repeat(2000), "alpha", "a".repeat(1500))));

        assertThat(bounded.message()).startsWith("output alpha is 1500 bytes");
    }

    @Test
    void valuesOverTheTotalBoundFailTheAttempt() {
        DriverResult bounded = limits.apply(succeeded(Map.of("a", "x".repeat(1000), "b", "y".repeat(1000), "c", "z".repeat(100))));

        assertThat(bounded.success()).isFalse();
        assertThat(bounded.message()).isEqualTo("outputs are 2100 bytes in all, over gorch.worker.max-outputs-size (2048)");
        assertThat(bounded.outputs()).isEmpty();
    }

    @Test
    void aFailedAttemptIsUnchanged() {
        DriverResult failed = new DriverResult(false, 3, Map.of("a", "x".repeat(5000)), "exit code 3", "", "", false);

        assertThat(limits.apply(failed)).isSameAs(failed);
    }

    @Test
    void theTotalBoundCannotBeBelowTheValueBound() {
        assertThatThrownBy(() -> new OutputLimits(2048, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutputLimits(0, 1024)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DriverResult succeeded(Map<String, String> outputs) {
        return new DriverResult(true, 0, outputs, "exit code 0", "", "", false);
    }
}
