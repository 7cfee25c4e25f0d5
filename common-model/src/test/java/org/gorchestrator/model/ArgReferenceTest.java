package org.gorchestrator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgReferenceTest {
    private static final Map<String, Map<String, String>> OUTPUTS = Map.of("d", Map.of("ip_address", "10.0.0.9", "empty", ""));

    @Test
    void parsesTheSeedFormAndTheBareForm() {
        assertThat(ArgReference.parse("ip_address=get_attribute d:ip_address"))
                .contains(new ArgReference("ip_address", "d", "ip_address"));
        assertThat(ArgReference.parse("get_attribute d:ip_address")).contains(new ArgReference(null, "d", "ip_address"));
        assertThat(ArgReference.parse("get_attribute   3:out ")).contains(new ArgReference(null, "3", "out"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "get_attribute", "get_attribute d", "get_attribute d:", "get_attribute :x",
        "x=get_attribute d", "get_attribute d:ip extra", "1x=get_attribute d:ip", "echo get_attribute d:ip"})
    void otherArgsAreNoReference(String arg) {
        assertThat(ArgReference.parse(arg)).isEqualTo(Optional.empty());
    }

    @Test
    void resolveReplacesTheReferenceKeepingThePrefix() throws Exception {
        assertThat(ArgReference.resolve("ip_address=get_attribute d:ip_address", OUTPUTS)).isEqualTo("ip_address=10.0.0.9");
        assertThat(ArgReference.resolve("get_attribute d:ip_address", OUTPUTS)).isEqualTo("10.0.0.9");
        assertThat(ArgReference.resolve("--verbose", OUTPUTS)).isEqualTo("--verbose");
    }

    @Test
    void aMissingOrEmptyOutputOrNodeIsReportedByNodeAndOutput() {
        assertThatThrownBy(() -> ArgReference.resolve("get_attribute d:network", OUTPUTS))
                .isInstanceOf(ArgReference.MissingOutputException.class)
                .hasMessageContaining("'network'").hasMessageContaining("'d'");
        assertThatThrownBy(() -> ArgReference.resolve("x=get_attribute d:empty", OUTPUTS))
                .isInstanceOf(ArgReference.MissingOutputException.class).hasMessageContaining("'empty'");
        assertThatThrownBy(() -> ArgReference.resolve("get_attribute zz:ip_address", OUTPUTS))
                .isInstanceOf(ArgReference.MissingOutputException.class).hasMessageContaining("'zz'");
    }
}
