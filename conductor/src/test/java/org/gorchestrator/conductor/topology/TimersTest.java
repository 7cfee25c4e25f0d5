package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private KeyValueStore<String, String> store;
    private Timers timers;

    @BeforeEach
    void open() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("timers"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        timers = new Timers(store);
    }

    @Test
    void keysSortByTimeWhateverTheNumberOfDigits() {
        assertThat(Timers.key(Instant.ofEpochMilli(999), "b")).isLessThan(Timers.key(Instant.ofEpochMilli(1000), "a"));
        assertThat(Timers.key(Instant.ofEpochMilli(-5), "a")).isEqualTo("000000000000000/a");
    }

    @Test
    void returnsWhatIsDueEarliestFirstAndKeepsATimerThatWasNotMoved() {
        timers.move("late", null, T0.plusSeconds(10));
        timers.move("early", null, T0.plusSeconds(1));
        timers.move("now", null, T0);
        assertThat(ids(timers.dueBy(T0.plusSeconds(2)))).containsExactly("now", "early");
        assertThat(ids(timers.dueBy(T0.plusSeconds(2)))).as("not moved, so still due").containsExactly("now", "early");
        timers.move("now", T0, null);
        timers.move("early", T0.plusSeconds(1), T0.plusSeconds(20));
        assertThat(ids(timers.dueBy(T0.plusSeconds(2)))).isEmpty();
        assertThat(ids(timers.dueBy(T0.plusSeconds(10)))).containsExactly("late");
    }

    @Test
    void aTimerSetEarlierThanTheKnownEarliestIsNotMissed() {
        timers.move("a", null, T0.plusSeconds(60));
        assertThat(ids(timers.dueBy(T0))).isEmpty(); // now it knows the earliest is at 60 s
        timers.move("b", null, T0.plusSeconds(5));
        assertThat(ids(timers.dueBy(T0.plusSeconds(5)))).containsExactly("b");
    }

    @Test
    void startsFromWhatTheStoreHolds() {
        store.put(Timers.key(T0, "restored"), "restored");
        assertThat(ids(new Timers(store).dueBy(T0))).containsExactly("restored");
    }

    @Test
    void aDueTimerSaysWhenItWasDue() {
        timers.move("wf", null, T0.plusMillis(1500));

        assertThat(timers.dueBy(T0.plusSeconds(2))).containsExactly(new Timers.Due("wf", T0.plusMillis(1500)));
    }

    private static List<String> ids(List<Timers.Due> due) {
        return due.stream().map(Timers.Due::workflowId).toList();
    }
}
