package org.gorchestrator.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.gorchestrator.api.admission.Admission;
import org.gorchestrator.api.config.DeliverySettings;
import org.gorchestrator.api.view.FinishWaiters;
import org.gorchestrator.api.view.ViewNames;
import org.gorchestrator.api.view.ViewNotReadyException;
import org.gorchestrator.api.view.ViewStores;
import org.gorchestrator.api.view.WorkflowView;
import org.gorchestrator.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The refusals that come before any wait; the waits themselves are tested through HTTP in LongPollTest. */
class WaitingReadsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FinishWaiters waiters = new FinishWaiters(10);
    private final WorkflowView notStarted = new WorkflowView(new ViewStores(new StreamsBuilderFactoryBean()), ViewNames.of(Topics.DEFAULTS, "1"));
    // a read uses only the view and the recent submissions
    private final TaskService tasks = new TaskService(null, null, null,
            new SubmissionSender(Admission.OPEN, null, new DeliverySettings(Duration.ofSeconds(30), 10, Duration.ofHours(1)), Clock.systemUTC()),
            notStarted,
            new RecentSubmissions(1 << 20, Duration.ofMinutes(1), Clock.systemUTC()), null, Duration.ZERO, Clock.systemUTC());
    private final WaitingReads reads = new WaitingReads(tasks, waiters, 1);

    @AfterEach
    void close() {
        reads.close();
    }

    @Test
    void aViewNotRunningRefusesAtOnceAndLeavesNoWaiter() {
        String id = new WorkflowIds(Clock.systemUTC()).next();

        assertThatThrownBy(() -> reads.whenFinished(id, WAIT, Caller.UNRESTRICTED)).isInstanceOf(ViewNotReadyException.class);

        assertThat(waiters.size()).isZero();
    }

    @Test
    void textThatIsNoIdIsNotFoundWithoutWaiting() {
        assertThatThrownBy(() -> reads.whenFinished("not-an-id", WAIT, Caller.UNRESTRICTED)).isInstanceOf(TaskNotFoundException.class);

        assertThat(waiters.size()).isZero();
    }
}
