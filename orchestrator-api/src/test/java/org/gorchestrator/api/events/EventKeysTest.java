package org.gorchestrator.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventKeysTest {

    @Test
    void anEventIsKeyedByItsWorkflowAndItsPaddedOffset() {
        assertThat(EventKeys.of("w", 42)).isEqualTo("w/0000000000000000042");
        assertThat(EventKeys.of("w", 9).compareTo(EventKeys.of("w", 10))).isNegative();
    }
}
