package org.gorchestrator.api.view;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

class TopLevelStateTest {

    @Test
    void readsTheStateOfADocumentAsTheConductorWritesIt() {
        byte[] document = Json.write(Graphs.seedExample().withId("wf").withRun(State.TIMEOUT, Instant.now(), Instant.now(), null));

        assertThat(TopLevelState.of(document)).isEqualTo(State.TIMEOUT);
    }

    @Test
    void theNodesStatesAreNotTheGraphs() {
        assertThat(TopLevelState.of(json("{\"nodes\": [{\"id\": 0, \"state\": 3}], \"digraph\": [0], \"state\": 2}")))
                .isEqualTo(State.RUNNING);
    }

    @Test
    void aStateByNameOrMissingReadsAsTheGraphWould() {
        assertThat(TopLevelState.of(json("{\"state\": \"canceled\"}"))).isEqualTo(State.CANCELED);
        assertThat(TopLevelState.of(json("{\"name\": \"x\", \"nodes\": []}"))).isEqualTo(State.INITIAL);
    }

    @Test
    void aDocumentThatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> TopLevelState.of(json("[1, 2]"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] json(String text) {
        return text.getBytes(UTF_8);
    }
}
