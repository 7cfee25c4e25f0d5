package org.gorchestrator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> FIELDS = List.of("id", "name", "engine", "args", "timeout", "retry", "target");

    @Test
    void aNearMissIsAnsweredWithTheNearestName() {
        assertThat(DidYouMean.nearest("tmeout", FIELDS)).contains("timeout");
        assertThat(DidYouMean.nearest("wiat", List.of("wait"))).as("two letters swapped").contains("wait");
        assertThat(DidYouMean.nearest("Engine", FIELDS)).as("case aside").contains("engine");
        assertThat(DidYouMean.nearest("nme", FIELDS)).contains("name");
    }

    @Test
    void aNameFarFromEveryKnownOneListsThemAll() {
        assertThat(DidYouMean.nearest("colour", FIELDS)).isEmpty();
        assertThat(DidYouMean.nearest("ab", FIELDS)).as("short names need a closer match").isEmpty();
        assertThat(DidYouMean.unknown("field", "colour", List.of("b", "a")))
                .isEqualTo("unknown field; known fields: a, b");
    }
}
