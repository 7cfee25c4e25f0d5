package org.gorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.RetryPolicy;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

/** Timeouts, retries, cancel with kills and rerun: the engine's side of them, on a fake clock. */
class ExecutionSemanticsTest {
    private static final EngineSettings SETTINGS = new EngineSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofSeconds(30));
    private final EngineDriver run = new EngineDriver(SETTINGS);

    private static Graph chain(RetryPolicy retry, Integer timeout) {
        Graph g = Graphs.builder().node("a").node("b").edge("a", "b").sparse();
        return g.withNodes(g.nodes().stream().map(n -> n.withRetry(retry).withTimeout(timeout)).toList());
    }

    @Test
    void dispatchCarriesTheEffectiveTimeoutAndSetsAReportDeadline() {
        Decision d = run.submit(chain(null, 7));

        assertThat(d.commands()).singleElement().extracting(NodeCommand::timeoutSeconds).isEqualTo(7);
        Node a = run.state.node(0);
        assertThat(a.deadline()).isEqualTo(run.now().plusSeconds(7).plusSeconds(30));
        assertThat(run.state.deadline()).isEqualTo(run.now().plus(Duration.ofMinutes(5)));
        assertThat(run.state.nextWakeUp()).isEqualTo(a.deadline());
    }

    @Test
    void failedAttemptIsRetriedAfterItsBackoffThenSucceeds() {
        run.submit(chain(new RetryPolicy(3, 2.0, 3.0, 60.0), null));
        run.started("a");
        run.failed("a");

        Node waiting = run.state.node(0);
        assertThat(waiting.state()).isEqualTo(State.TORUN);
        assertThat(waiting.retryAt()).isEqualTo(run.now().plusSeconds(2));
        assertThat(waiting.attempts()).singleElement().satisfies(at -> {
            assertThat(at.attempt()).isEqualTo(1);
            assertThat(at.state()).isEqualTo(State.FAILURE);
            assertThat(at.exitCode()).isEqualTo(1);
        });
        assertThat(run.advance(Duration.ofSeconds(1)).commands()).as("too early").isEmpty();
        assertThat(run.failed("a").changed()).as("a repeated report of attempt 1 is stale").isFalse();

        Decision retry = run.advance(Duration.ofSeconds(1));
        assertThat(retry.commands()).singleElement().extracting(NodeCommand::attempt).isEqualTo(2);
        run.failed("a");
        assertThat(run.state.node(0).retryAt()).as("backoff grows by the multiplier").isEqualTo(run.now().plusSeconds(6));
        run.advance(Duration.ofSeconds(6));
        run.succeeded("a");
        run.succeeded("b");

        assertThat(run.state.state()).isEqualTo(State.SUCCESS);
        assertThat(run.state.node(0).attempt()).isEqualTo(3);
        assertThat(run.state.node(0).attempts()).extracting(at -> at.state()).containsExactly(State.FAILURE, State.FAILURE, State.SUCCESS);
    }

    @Test
    void retriesRunOutAndTheFailureStands() {
        run.submit(chain(new RetryPolicy(2, 0.0, 1.0, 0.0), null));
        run.failed("a");
        run.advance(Duration.ZERO);
        run.failed("a");

        assertThat(run.stateOf("a")).isEqualTo(State.FAILURE);
        assertThat(run.stateOf("b")).isEqualTo(State.NOTRUNNABLE);
        assertThat(run.state.state()).isEqualTo(State.FAILURE);
        assertThat(run.commands).hasSize(2);
    }

    @Test
    void nodeTimeoutReportedByTheWorkerEndsTimeoutAndIsRetriedLikeAFailure() {
        run.submit(chain(new RetryPolicy(2, 1.0, 1.0, 1.0), 1));
        run.started("a");
        run.timedOut("a");
        assertThat(run.stateOf("a")).isEqualTo(State.TORUN);
        assertThat(run.state.node(0).attempts()).singleElement().extracting(at -> at.state()).isEqualTo(State.TIMEOUT);

        run.advance(Duration.ofSeconds(1));
        run.timedOut("a");

        assertThat(run.stateOf("a")).isEqualTo(State.TIMEOUT);
        assertThat(run.state.state()).isEqualTo(State.FAILURE);
    }

    @Test
    void silentWorkerIsNoticedAtTheReportDeadlineAndTheAttemptKilled() {
        run.submit(chain(null, 10));
        run.started("a");
        Node running = run.state.node(0);

        assertThat(run.advance(Duration.ofSeconds(39)).changed()).isFalse();
        Decision late = run.advance(Duration.ofSeconds(1));

        assertThat(late.kills()).singleElement().satisfies(k -> {
            assertThat(k.nodeId()).isZero();
            assertThat(k.attempt()).isEqualTo(1);
        });
        assertThat(run.now()).isEqualTo(running.deadline());
        assertThat(run.stateOf("a")).isEqualTo(State.TIMEOUT);
        assertThat(run.state.node(0).message()).contains("no report from worker worker-1");
        assertThat(run.stateOf("b")).isEqualTo(State.NOTRUNNABLE);
    }

    @Test
    void graphDeadlineKillsWhatRunsCancelsTheRestAndEndsTimeout() {
        Graph g = Graphs.builder().node("a").node("b").node("c").edge("a", "c").sparse().withTimeout(60);
        run.submit(g);
        run.started("a");
        run.succeeded("b");

        Decision late = run.advance(Duration.ofSeconds(60));

        assertThat(late.kills()).extracting(k -> k.nodeId()).containsExactly(0);
        assertThat(run.stateOf("a")).isEqualTo(State.TIMEOUT);
        assertThat(run.stateOf("b")).isEqualTo(State.SUCCESS);
        assertThat(run.stateOf("c")).isEqualTo(State.CANCELED);
        assertThat(run.state.state()).isEqualTo(State.TIMEOUT);
        assertThat(run.state.nextWakeUp()).isNull();
        assertThat(run.succeeded("a").changed()).as("a late report changes nothing").isFalse();
    }

    @Test
    void cancelKillsAttemptsInFlightAndAWaitingRetryIsJustCanceled() {
        Graph g = Graphs.builder().node("a").node("b").node("c").sparse();
        g = g.withNodes(List.of(g.nodes().get(0), g.nodes().get(1), g.nodes().get(2).withRetry(new RetryPolicy(3, 60.0, 1.0, 60.0))));
        run.submit(g);
        run.started("a");
        run.failed("c");

        Decision cancel = run.cancel();

        assertThat(cancel.kills()).extracting(k -> k.nodeId()).containsExactly(0, 1);
        assertThat(List.of(run.stateOf("a"), run.stateOf("b"), run.stateOf("c"))).containsOnly(State.CANCELED);
        assertThat(run.state.node(0).attempts()).singleElement().extracting(at -> at.state()).isEqualTo(State.CANCELED);
        assertThat(run.state.state()).isEqualTo(State.CANCELED);
        assertThat(run.cancel().changed()).as("cancel twice").isFalse();
        assertThat(run.advance(Duration.ofMinutes(2)).commands()).as("no retry after cancel").isEmpty();
    }

    @Test
    void rerunRunsOnlyWhatDidNotSucceedAndKeepsOutputsAndHistory() {
        Graph g = Graphs.builder().node("a").outputs("ip").node("b").node("c").edge("a", "b").edge("b", "c").sparse();
        run.submit(g);
        run.succeeded("a", java.util.Map.of("ip", "10.1.1.1"));
        run.failed("b");
        assertThat(run.state.state()).isEqualTo(State.FAILURE);
        int before = run.commands.size();

        Decision rerun = run.rerun();

        assertThat(run.dispatched(rerun)).containsExactly("b");
        assertThat(rerun.commands().get(0).attempt()).isEqualTo(2);
        assertThat(run.state.state()).isEqualTo(State.RUNNING);
        assertThat(run.state.node(0).output()).containsEntry("ip", "10.1.1.1");
        assertThat(run.stateOf("c")).isEqualTo(State.TORUN);
        run.succeeded("b");
        run.succeeded("c");
        assertThat(run.state.state()).isEqualTo(State.SUCCESS);
        assertThat(run.commands).hasSize(before + 2);
        assertThat(run.state.node(1).attempts()).extracting(at -> at.state()).containsExactly(State.FAILURE, State.SUCCESS);
        assertThat(run.events).filteredOn(e -> e instanceof WorkflowEvent.WorkflowChanged)
                .map(e -> (WorkflowEvent.WorkflowChanged) e)
                .extracting(WorkflowEvent.WorkflowChanged::state, WorkflowEvent.WorkflowChanged::rerun)
                .containsExactly(tuple(State.RUNNING, false), tuple(State.FAILURE, false), tuple(State.RUNNING, true), tuple(State.SUCCESS, false));
    }

    @Test
    void rerunOfARunningOrSucceededGraphChangesNothing() {
        run.submit(chain(null, null));
        assertThat(run.rerun().changed()).isFalse();
        run.succeeded("a");
        run.succeeded("b");
        assertThat(run.rerun().changed()).isFalse();
    }

    @Test
    void wakeUpFollowsTheEarliestDueTimeAndSurvivesARestore() {
        run.submit(chain(new RetryPolicy(2, 5.0, 1.0, 5.0), null));
        run.failed("a");
        WorkflowState restored = WorkflowState.of(run.state.toGraph());

        assertThat(restored.nextWakeUp()).isEqualTo(run.state.node(0).retryAt()).isEqualTo(run.now().plusSeconds(5));
    }
}
