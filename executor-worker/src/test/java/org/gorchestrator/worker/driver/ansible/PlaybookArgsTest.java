package org.gorchestrator.worker.driver.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PlaybookArgsTest {

    @Test
    void splitsExtraVarsFromAllowedOptionsKeepingValuesWhole() {
        PlaybookArgs args = PlaybookArgs.parse(List.of("ip=10.0.0.1", "--check", "msg=a=b c", "--tags=web,db", "-vv", "--limit=web:!db1"));

        assertThat(args.extraVars()).isEqualTo(Map.of("ip", "10.0.0.1", "msg", "a=b c"));
        assertThat(args.options()).containsExactly("--check", "--tags=web,db", "-vv", "--limit=web:!db1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--become", "-e", "--extra-vars=@vars.yml", "--limit=@hosts.txt", "--tags=", "--vault-password-file=x",
        "--check=1", "playbook.yml", "1name=x", "my-var=x", "-i"})
    void refusesAnythingElse(String arg) {
        assertThatThrownBy(() -> PlaybookArgs.parse(List.of("ok=1", arg)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("arg '" + arg + "' is neither an extra var NAME=value nor an allowed option");
    }
}
