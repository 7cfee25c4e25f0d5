package org.gorchestrator.conductor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WakeupTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PRECISION = Duration.ofMillis(250);

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private Wakeup wakeup;

    @BeforeEach
    void start() {
        context.setCurrentSystemTimeMs(NOW.toEpochMilli());
        wakeup = new Wakeup(context, PRECISION, now -> { });
    }

    @Test
    void nothingDueSchedulesNothing() {
        wakeup.notLaterThan(null);
        wakeup.moveTo(null);
        assertThat(context.scheduledPunctuators()).isEmpty();
    }

    @Test
    void schedulesForTheEarliestDueAndMovesOnlyForAnEarlierOne() {
        wakeup.notLaterThan(NOW.plusSeconds(10));
        wakeup.notLaterThan(NOW.plusSeconds(20));
        wakeup.notLaterThan(NOW.plusSeconds(10).minus(PRECISION.dividedBy(2)));
        assertThat(active()).extracting(CapturedPunctuator::getInterval).containsExactly(Duration.ofSeconds(10));
        assertThat(context.scheduledPunctuators()).as("no reschedule within the precision").hasSize(1);

        wakeup.notLaterThan(NOW.plusSeconds(2));
        assertThat(active()).extracting(CapturedPunctuator::getInterval).containsExactly(Duration.ofSeconds(2));
        assertThat(active()).allSatisfy(p -> assertThat(p.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME));
        assertThat(context.scheduledPunctuators().get(0).cancelled()).isTrue();
    }

    @Test
    void anOverdueTimerFiresAfterThePrecisionAndMovingToNothingStopsIt() {
        wakeup.notLaterThan(NOW.plusSeconds(60));
        wakeup.moveTo(NOW.minusSeconds(5));
        assertThat(active()).extracting(CapturedPunctuator::getInterval).containsExactly(PRECISION);
        wakeup.moveTo(null);
        assertThat(active()).isEmpty();
    }

    private List<CapturedPunctuator> active() {
        return context.scheduledPunctuators().stream().filter(p -> !p.cancelled()).toList();
    }
}
