package org.gorchestrator.worker.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclaredOutputsTest {
    private final DeclaredOutputs outputs = new DeclaredOutputs(List.of("ip", "port"));

    @Test
    void theLaterLineWinsWhicheverItsForm() {
        outputs.accept("ip=1.1.1.1");
        outputs.accept("::{\"outputs\": {\"ip\": \"2.2.2.2\", \"port\": \"22\"}}::");
        outputs.accept("port=2222");

        assertThat(outputs.values()).isEqualTo(Map.of("ip", "2.2.2.2", "port", "2222"));
    }

    @Test
    void ignoresUndeclaredNamesAndLinesThatAreNotOutputs() {
        outputs.accept("other=1");
        outputs.accept("=value");
        outputs.accept("ip is 3.3.3.3");
        outputs.accept("::{not json}::");
        outputs.accept("::{\"outputs\": \"not an object\"}::");
        outputs.accept("::{\"outputs\": {\"ip\": null}}::");

        assertThat(outputs.values()).isEmpty();
    }

    @Test
    void keepsEverythingAfterTheFirstEqualsSign() {
        outputs.accept("ip=a=b");

        assertThat(outputs.values()).containsEntry("ip", "a=b");
    }

    @Test
    void nothingIsCapturedWhenNothingIsDeclared() {
        DeclaredOutputs none = new DeclaredOutputs(List.of());
        none.accept("ip=1.1.1.1");

        assertThat(none.values()).isEmpty();
    }
}
