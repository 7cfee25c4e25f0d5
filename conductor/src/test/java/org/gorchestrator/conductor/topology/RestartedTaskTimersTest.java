package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task that starts with timers or unpublished documents left in its stores (a restart, a
 * rebalance) initializes while Kafka Streams has not set its wall clock yet: {@code init()} must
 * not work out when to wake from that clock, or the first punctuation lands decades away and every
 * deadline, retry and purge of the task stops.
 */
class RestartedTaskTimersTest {
    private static final Instant DUE = Instant.now().plusSeconds(60);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration PUBLISH = Duration.ofMillis(100);

    // As at a real task's init: the context's wall clock is still unset (0).
    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();

    @BeforeEach
    void restoredStores() {
        addStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ConductorTopology.WORKFLOW_STORE), Serdes.String(),
                Serdes.ByteArray()));
        addStore(stringStore(ConductorTopology.TIMER_STORE));
        addStore(stringStore(ConductorTopology.TRACE_STORE));
        addStore(stringStore(ConductorTopology.UNPUBLISHED_STORE));
    }

    @Test
    void timersLeftInTheStoreAreLookedAtWithinATickOfTheStart() {
        KeyValueStore<String, String> timers = context.getStateStore(ConductorTopology.TIMER_STORE);
        timers.put(Timers.key(DUE, "wf-1"), "wf-1");

        processor().init(context);

        assertThat(active()).extracting(CapturedPunctuator::getInterval).containsExactly(TICK);
    }

    @Test
    void documentsLeftUnpublishedGoWithinAPublishIntervalOfTheStart() {
        KeyValueStore<String, String> unpublished = context.getStateStore(ConductorTopology.UNPUBLISHED_STORE);
        unpublished.put("wf-1", "");

        processor().init(context);

        assertThat(active()).extracting(CapturedPunctuator::getInterval).containsExactly(PUBLISH);
    }

    @Test
    void aTaskWithNothingDueSchedulesNothing() {
        processor().init(context);

        assertThat(active()).isEmpty();
    }

    private WorkflowProcessor processor() {
        ConductorSettings settings = new ConductorSettings(ConductorSettings.DEFAULTS.engine(), TICK, Duration.ofDays(1),
                ConductorSettings.DEFAULTS.liveStateNodes(), PUBLISH);
        return new WorkflowProcessor(settings, ConductorMetrics.NONE, RecordTracing.PASS_THROUGH, new UnwritableRecords(ConductorMetrics.NONE),
                "workflow-state", false);
    }

    private List<CapturedPunctuator> active() {
        return context.scheduledPunctuators().stream().filter(p -> !p.cancelled()).toList();
    }

    private static StoreBuilder<KeyValueStore<String, String>> stringStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.String());
    }

    private <S extends KeyValueStore<?, ?>> void addStore(StoreBuilder<S> builder) {
        S store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
