package org.gorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gorchestrator.json.Json;
import org.gorchestrator.message.EngineInput;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.Submitter;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine on small graphs. The seed example's edges: f → a, b, c; a → b, e; b → g; d → c, g;
 * h → g. Its roots are d, f and h; c reads d's ip_address.
 */
class DagEngineTest {
    private static final Map<String, String> D_OUTPUTS = Map.of("ip_address", "10.0.0.5", "network", "net-1");

    private EngineDriver run;

    @BeforeEach
    void newDriver() {
        run = new EngineDriver();
    }

    /** Changed nothing, as a redelivered or stale record does: not a rejection. */
    private void assertIgnored(Decision decision) {
        assertThat(decision.changed()).isFalse();
        assertThat(decision.events()).isEmpty();
        assertThat(decision.commands()).isEmpty();
        assertThat(decision.rejection()).isNull();
    }

    private void assertRejected(Decision decision, Rejection why) {
        assertThat(decision.changed()).isFalse();
        assertThat(decision.commands()).isEmpty();
        assertThat(decision.kills()).isEmpty();
        assertThat(decision.rejection()).isEqualTo(why);
    }

    // ---- submit ----

    @Test
    void submitDispatchesExactlyTheRootsWithAttemptOne() {
        Decision d = run.submit(Graphs.seedExample());

        assertThat(run.dispatched(d)).containsExactly("d", "f", "h");
        assertThat(d.commands()).allSatisfy(c -> {
            assertThat(c.attempt()).isEqualTo(1);
            assertThat(c.workflowId()).isEqualTo(EngineDriver.WORKFLOW);
            assertThat(c.at()).isEqualTo(run.now());
        });
        NodeCommand dCommand = d.commands().get(0);
        assertThat(dCommand.nodeId()).isEqualTo(3);
        assertThat(dCommand.engine()).isEqualTo("toscassh");
        assertThat(dCommand.artifact()).isEqualTo("./script.sh");
        assertThat(dCommand.target()).isEqualTo("test");
        assertThat(dCommand.outputs()).containsExactly("network", "ip_address");
        assertThat(dCommand.key()).isEqualTo("wf-1/3");

        assertThat(d.state().state()).isEqualTo(State.RUNNING);
        assertThat(d.state().id()).isEqualTo("wf-1");
        assertThat(d.state().toGraph().startDate()).isEqualTo(run.now());
        for (int i = 0; i < 8; i++) {
            assertThat(d.state().node(i).state()).as("node %d", i).isEqualTo(State.TORUN);
        }
        assertThat(d.events().get(0)).isInstanceOfSatisfying(WorkflowEvent.Submitted.class,
                s -> assertThat(s.graph().id()).isEqualTo("wf-1"));
        assertThat(d.events()).contains(new WorkflowEvent.WorkflowChanged("wf-1", State.RUNNING, run.now()));
    }

    @Test
    void theSubmitterIsKeptInTheStateAndTheSubmittedEvent() {
        Submitter alice = new Submitter("alice", "ci");

        Decision d = run.submit(Graphs.seedExample().withSubmitter(alice));

        assertThat(d.state().toGraph().submitter()).isEqualTo(alice);
        assertThat(WorkflowState.of(Json.read(Json.write(d.state().toGraph()), Graph.class)).toGraph().submitter()).isEqualTo(alice);
        assertThat(d.events().get(0)).isInstanceOfSatisfying(WorkflowEvent.Submitted.class,
                s -> assertThat(s.graph().submitter()).isEqualTo(alice));
    }

    @Test
    void aSecondSubmitForTheSameWorkflowChangesNothing() {
        run.submit(Graphs.seedExample());
        Graph before = run.state.toGraph();

        assertIgnored(run.submit(Graphs.builder().node("other").sparse()));
        assertThat(run.state.toGraph()).isEqualTo(before);
    }

    @Test
    void aDocumentCarryingAPreviousRunStartsClean() {
        // Run the seed to the end, then submit what GET would return (states, attempts, outputs) again.
        run.submit(Graphs.seedExample());
        run.succeeded("d", D_OUTPUTS);
        run.succeedAll();
        Graph previous = run.state.toGraph();
        assertThat(previous.state()).isEqualTo(State.SUCCESS);

        EngineDriver again = new EngineDriver();
        Decision d = again.submit(previous.withId(null));

        assertThat(again.dispatched(d)).containsExactly("d", "f", "h");
        assertThat(d.commands()).allSatisfy(c -> assertThat(c.attempt()).isEqualTo(1));
        assertThat(again.state.node(again.id("c")).attempt()).as("not dispatched yet").isZero();
        assertThat(again.state.node(again.id("d")).output()).containsEntry("ip_address", "");
        assertRejected(again.apply(again.succeededEvent(again.id("c"), 1, Map.of())), Rejection.UNKNOWN_ATTEMPT);

        // d reports no ip_address this time: c must fail instead of reading the old run's value.
        again.succeeded("d");
        again.succeeded("f");
        assertThat(again.stateOf("c")).isEqualTo(State.FAILURE);
    }

    @Test
    void aGraphOfOneNodeRunsAndEnds() {
        Decision d = run.submit(Graphs.builder().node("only").sparse());
        assertThat(run.dispatched(d)).containsExactly("only");

        Decision done = run.succeeded("only");

        assertThat(done.state().state()).isEqualTo(State.SUCCESS);
        assertThat(done.commands()).isEmpty();
    }

    // ---- walking the DAG ----

    @Test
    void aNodeIsDispatchedOnlyOnceAllItsPredecessorsSucceeded() {
        run.submit(Graphs.seedExample());

        assertThat(run.dispatched(run.succeeded("d", D_OUTPUTS))).as("c still waits for f").isEmpty();
        assertThat(run.dispatched(run.succeeded("f"))).containsExactly("a", "c");
        assertThat(run.dispatched(run.succeeded("h"))).as("g waits for b").isEmpty();
        assertThat(run.dispatched(run.succeeded("a"))).containsExactly("b", "e");
        assertThat(run.dispatched(run.succeeded("b"))).containsExactly("g");
        assertThat(run.stateOf("g")).isEqualTo(State.TORUN);
        assertThat(run.attempt("g")).isEqualTo(1);
    }

    @Test
    void whenEveryNodeSucceedsTheGraphSucceedsWithAStopDate() {
        run.submit(Graphs.seedExample());
        run.succeeded("d", D_OUTPUTS);
        run.succeedAll();

        assertThat(run.commands).hasSize(8);
        assertThat(run.commands).extracting(NodeCommand::nodeId).doesNotHaveDuplicates();
        assertThat(run.state.state()).isEqualTo(State.SUCCESS);
        assertThat(run.state.stopDate()).isEqualTo(run.now());
        assertThat(run.state.toGraph().stopDate()).isEqualTo(run.now());
        assertThat(run.events.get(run.events.size() - 1))
                .isEqualTo(new WorkflowEvent.WorkflowChanged("wf-1", State.SUCCESS, run.now()));
    }

    @Test
    void onlyTheDecisionThatEndsTheGraphSaysHowItFinished() {
        Decision submitted = run.submit(Graphs.builder().node("a").node("b").chain("a", "b").sparse());
        Decision first = run.succeeded("a");
        Decision last = run.succeeded("b");

        assertThat(submitted.finishedAs()).as("a running workflow").isEmpty();
        assertThat(first.finishedAs()).as("b still to run").isEmpty();
        assertThat(last.finishedAs()).contains(State.SUCCESS);
        assertThat(run.succeeded("b").finishedAs()).as("the same report again").isEmpty();
        assertThat(run.cancel().finishedAs()).as("a cancel after the end").isEmpty();
    }

    @Test
    void theGraphStaysRunningUntilTheLastNodeEnds() {
        run.submit(Graphs.builder().node("a").node("b").sparse());
        run.succeeded("a");

        assertThat(run.state.state()).isEqualTo(State.RUNNING);
        assertThat(run.state.stopDate()).isNull();
    }

    @Test
    void aFailureMakesEveryTransitiveSuccessorNotRunnableButOtherBranchesStillRun() {
        // a → b → d → e, a → c → d; x → y stands apart
        Graph g = Graphs.builder().node("a").node("b").node("c").node("d").node("e").node("x").node("y")
                .chain("a", "b", "d", "e").chain("a", "c", "d").edge("x", "y").dense();
        run.submit(g);
        run.succeeded("a");
        run.started("b");

        Decision failed = run.failed("b");

        assertThat(run.stateOf("b")).isEqualTo(State.FAILURE);
        assertThat(run.state.node(run.id("b")).message()).isEqualTo("exit 1");
        assertThat(run.state.node(run.id("b")).exitCode()).isEqualTo(1);
        assertThat(run.stateOf("d")).isEqualTo(State.NOTRUNNABLE);
        assertThat(run.stateOf("e")).isEqualTo(State.NOTRUNNABLE);
        assertThat(run.state.node(run.id("d")).message()).contains("b");
        assertThat(run.stateOf("c")).as("a sibling keeps running").isEqualTo(State.TORUN);
        assertThat(failed.commands()).isEmpty();
        assertThat(run.state.state()).as("c, x and y are still to run").isEqualTo(State.RUNNING);

        assertThat(run.dispatched(run.succeeded("c"))).as("d is not runnable any more").isEmpty();
        assertThat(run.dispatched(run.succeeded("x"))).containsExactly("y");
        Decision last = run.succeeded("y");

        assertThat(run.stateOf("c")).isEqualTo(State.SUCCESS);
        assertThat(run.stateOf("y")).isEqualTo(State.SUCCESS);
        assertThat(last.state().state()).isEqualTo(State.FAILURE);
        assertThat(last.state().stopDate()).isEqualTo(run.now());
    }

    @Test
    void aFailureThatEndsTheLastBranchEndsTheGraph() {
        run.submit(Graphs.builder().node("a").node("b").chain("a", "b").sparse());

        Decision d = run.failed("a");

        assertThat(run.stateOf("b")).isEqualTo(State.NOTRUNNABLE);
        assertThat(d.state().state()).isEqualTo(State.FAILURE);
        assertThat(d.events().get(d.events().size() - 1)).isEqualTo(new WorkflowEvent.WorkflowChanged("wf-1", State.FAILURE, run.now()));
        assertThat(d.finishedAs()).contains(State.FAILURE);
    }

    // ---- cancel ----

    @Test
    void cancelTurnsWaitingAndRunningNodesCanceledAndKeepsTheRest() {
        run.submit(Graphs.seedExample());
        run.succeeded("d", D_OUTPUTS);
        run.started("f");
        run.failed("h"); // g becomes notrunnable

        Decision d = run.cancel();

        assertThat(run.stateOf("d")).isEqualTo(State.SUCCESS);
        assertThat(run.stateOf("h")).isEqualTo(State.FAILURE);
        assertThat(run.stateOf("g")).isEqualTo(State.NOTRUNNABLE);
        for (String canceled : List.of("a", "b", "c", "e", "f")) {
            assertThat(run.stateOf(canceled)).as(canceled).isEqualTo(State.CANCELED);
            assertThat(run.state.node(run.id(canceled)).stopDate()).isEqualTo(run.now());
        }
        assertThat(d.state().state()).isEqualTo(State.CANCELED);
        assertThat(d.state().stopDate()).isEqualTo(run.now());
        assertThat(d.commands()).isEmpty();
        assertThat(d.events()).filteredOn(e -> e instanceof WorkflowEvent.NodeChanged).hasSize(5);
        assertThat(d.finishedAs()).contains(State.CANCELED);
    }

    @Test
    void aSecondCancelChangesNothing() {
        run.submit(Graphs.seedExample());
        run.cancel();
        Graph before = run.state.toGraph();

        assertIgnored(run.cancel());
        assertThat(run.state.toGraph()).isEqualTo(before);
    }

    @Test
    void cancelOfAFinishedGraphChangesNothing() {
        run.submit(Graphs.builder().node("a").sparse());
        run.succeeded("a");
        Graph before = run.state.toGraph();

        assertIgnored(run.cancel());
        assertThat(run.state.toGraph()).isEqualTo(before);
        assertThat(run.state.state()).isEqualTo(State.SUCCESS);
    }

    @Test
    void reportsAfterCancelAreIgnored() {
        run.submit(Graphs.builder().node("a").node("b").chain("a", "b").sparse());
        run.cancel();

        assertIgnored(run.apply(run.succeededEvent(0, 1, Map.of())));
        assertThat(run.stateOf("a")).isEqualTo(State.CANCELED);
    }

    // ---- duplicate, stale and out-of-order reports ----

    @Test
    void theSameSucceededTwiceIsAppliedOnce() {
        run.submit(Graphs.builder().node("a").node("b").node("c").chain("a", "b").edge("a", "c").sparse());
        NodeEvent.Succeeded event = run.succeededEvent(0, 1, Map.of());
        assertThat(run.dispatched(run.apply(event))).containsExactly("b", "c");

        assertIgnored(run.apply(event));
        assertThat(run.commands).hasSize(3);
    }

    @Test
    void aReportForAnAttemptNeverDispatchedIsRejected() {
        run.submit(Graphs.builder().node("a").sparse());

        assertRejected(run.apply(run.succeededEvent(0, 2, Map.of())), Rejection.UNKNOWN_ATTEMPT);
        assertRejected(run.apply(run.failedEvent(0, 2)), Rejection.UNKNOWN_ATTEMPT);
        assertRejected(run.apply(run.startedEvent(0, 2)), Rejection.UNKNOWN_ATTEMPT);
        assertThat(run.stateOf("a")).isEqualTo(State.TORUN);
    }

    @Test
    void aReportForAnEarlierAttemptIsIgnored() {
        run.submit(Graphs.builder().node("a").sparse());
        run.apply(run.failedEvent(0, 1));
        run.rerun();
        assertThat(run.attempt("a")).isEqualTo(2);

        assertIgnored(run.apply(run.succeededEvent(0, 1, Map.of())));
        assertThat(run.stateOf("a")).isEqualTo(State.TORUN);
    }

    @Test
    void aReportForANodeNotYetDispatchedIsIgnored() {
        run.submit(Graphs.builder().node("a").node("b").chain("a", "b").sparse());

        assertRejected(run.apply(run.succeededEvent(1, 1, Map.of())), Rejection.UNKNOWN_ATTEMPT);
        assertThat(run.stateOf("b")).isEqualTo(State.TORUN);
        assertThat(run.attempt("b")).isZero();
    }

    @Test
    void aReportForAFinishedNodeIsIgnored() {
        run.submit(Graphs.builder().node("a").node("b").sparse());
        run.succeeded("a");

        assertIgnored(run.apply(run.failedEvent(0, 1)));
        assertThat(run.stateOf("a")).isEqualTo(State.SUCCESS);

        run.failed("b");
        assertIgnored(run.apply(run.succeededEvent(1, 1, Map.of())));
        assertThat(run.stateOf("b")).isEqualTo(State.FAILURE);
    }

    @Test
    void aReportForAnUnknownNodeIsRejected() {
        run.submit(Graphs.builder().node("a").sparse());

        assertRejected(run.apply(run.succeededEvent(1, 1, Map.of())), Rejection.UNKNOWN_NODE);
        assertRejected(run.apply(run.startedEvent(99, 1)), Rejection.UNKNOWN_NODE);
    }

    @Test
    void inputsForAnUnknownWorkflowAreRejected() {
        DagEngine engine = new DagEngine();
        for (EngineInput input : List.<EngineInput>of(
                new NodeEvent.Started("nobody", 0, 1, "w", EngineDriver.T0),
                new NodeEvent.Failed("nobody", 0, 1, "w", 1, "x", null, EngineDriver.T0),
                new WorkflowCommand.Cancel("nobody", "x", EngineDriver.T0))) {
            Decision d = engine.decide(null, input);
            assertThat(d.state()).isNull();
            assertThat(d.changed()).isFalse();
            assertThat(d.commands()).isEmpty();
            assertThat(d.rejection()).isEqualTo(Rejection.UNKNOWN_WORKFLOW);
        }
    }

    @Test
    void startedMovesTheNodeToRunningOnce() {
        run.submit(Graphs.builder().node("a").sparse());

        Decision first = run.started("a");

        assertThat(first.events()).singleElement().isInstanceOfSatisfying(WorkflowEvent.NodeChanged.class, c -> {
            assertThat(c.node().state()).isEqualTo(State.RUNNING);
            assertThat(c.node().startDate()).isEqualTo(run.now());
            assertThat(c.node().worker()).isEqualTo("worker-1");
        });
        assertIgnored(run.started("a"));
    }

    @Test
    void startedAfterSucceededIsIgnored() {
        run.submit(Graphs.builder().node("a").node("b").sparse());
        run.succeeded("a");

        assertIgnored(run.apply(run.startedEvent(0, 1)));
        assertThat(run.stateOf("a")).isEqualTo(State.SUCCESS);
    }

    @Test
    void succeededWithoutStartedIsAccepted() {
        run.submit(Graphs.builder().node("a").node("b").chain("a", "b").sparse());

        Decision d = run.succeeded("a");

        assertThat(run.stateOf("a")).isEqualTo(State.SUCCESS);
        assertThat(run.state.node(0).startDate()).as("from the event").isEqualTo(run.now().minusMillis(500));
        assertThat(run.dispatched(d)).containsExactly("b");
    }

    // ---- outputs and get_attribute ----

    @Test
    void outputsOfASucceededNodeReachTheSeedsGetAttributeArg() {
        run.submit(Graphs.seedExample());
        run.succeeded("d", Map.of("ip_address", "10.0.0.5", "network", "net-1", "undeclared", "zz"));

        Decision d = run.succeeded("f");

        NodeCommand c = d.commands().stream().filter(cmd -> cmd.name().equals("c")).findFirst().orElseThrow();
        assertThat(c.args()).containsExactly("ip_address=10.0.0.5");
        assertThat(c.outputs()).containsExactly("my_ip");
        assertThat(run.state.node(run.id("d")).output()).containsExactly(Map.entry("network", "net-1"), Map.entry("ip_address", "10.0.0.5"));
        assertThat(run.state.node(run.id("c")).args()).as("the document keeps the reference")
                .containsExactly("ip_address=get_attribute d:ip_address");
    }

    @Test
    void bareAndByIdReferencesAreResolvedToo() {
        Graph g = Graphs.builder()
                .node("src").outputs("host", "port")
                .node("mid")
                .node("use", "shell", "/bin/connect", "--to", "get_attribute src:host", "port=get_attribute 0:port")
                .chain("src", "mid", "use").sparse();
        run.submit(g);
        run.succeeded("src", Map.of("host", "db.local", "port", "5432"));

        Decision d = run.succeeded("mid");

        assertThat(d.commands()).singleElement().satisfies(c -> assertThat(c.args()).containsExactly("--to", "db.local", "port=5432"));
    }

    @Test
    void aMissingOutputAtDispatchFailsThatNodeNamingNodeAndOutput() {
        run.submit(Graphs.seedExample());
        run.succeeded("d", Map.of("network", "net-1"));

        Decision d = run.succeeded("f");

        assertThat(run.dispatched(d)).containsExactly("a");
        Node c = run.state.node(run.id("c"));
        assertThat(c.state()).isEqualTo(State.FAILURE);
        assertThat(c.attempt()).isEqualTo(1);
        assertThat(c.message()).contains("'ip_address'").contains("'d'");
        assertThat(run.state.state()).as("other nodes still run").isEqualTo(State.RUNNING);

        run.succeedAll();
        assertThat(run.state.state()).isEqualTo(State.FAILURE);
    }

    @Test
    void aMissingOutputOfTheLastDispatchableNodeEndsTheGraph() {
        Graph g = Graphs.builder().node("d").outputs("ip").node("c", "shell", "/x", "get_attribute d:ip").node("z")
                .chain("d", "c", "z").sparse();
        run.submit(g);

        Decision d = run.succeeded("d");

        assertThat(run.stateOf("c")).isEqualTo(State.FAILURE);
        assertThat(run.stateOf("z")).isEqualTo(State.NOTRUNNABLE);
        assertThat(d.state().state()).isEqualTo(State.FAILURE);
        assertThat(d.commands()).isEmpty();
    }

    // ---- restore ----

    @Test
    void aRestoredStateHasTheSameCountersAndDecidesTheSame() {
        run.submit(Graphs.seedExample());
        run.succeeded("d", D_OUTPUTS);
        run.succeeded("h");
        run.started("f");

        WorkflowState restored = WorkflowState.of(run.state.toGraph());
        WorkflowState fromJson = WorkflowState.of(Json.read(Json.write(run.state.toGraph()), Graph.class));

        for (WorkflowState copy : List.of(restored, fromJson)) {
            assertThat(copy.toGraph()).isEqualTo(run.state.toGraph());
            assertThat(copy.unfinished()).isEqualTo(run.state.unfinished()).isEqualTo(6);
            for (int i = 0; i < run.state.size(); i++) {
                assertThat(copy.pending(i)).as("pending of node %d", i).isEqualTo(run.state.pending(i));
            }
        }
        assertThat(run.state.pending(run.id("g"))).as("g waits for b only").isEqualTo(1);

        // Feed the same inputs to the live state and to both copies: same decisions.
        List<EngineInput> rest = List.of(
                run.succeededEvent(5, 1, Map.of()),  // f → a, c
                run.succeededEvent(0, 1, Map.of()),  // a → b, e
                run.failedEvent(1, 1),               // b fails: g notrunnable
                run.succeededEvent(2, 1, Map.of()),
                run.succeededEvent(4, 1, Map.of()));
        DagEngine engine = new DagEngine();
        WorkflowState live = run.state;
        WorkflowState[] copies = {restored, fromJson};
        for (EngineInput input : rest) {
            Decision expected = engine.decide(live, input);
            for (WorkflowState copy : copies) {
                Decision actual = engine.decide(copy, input);
                assertThat(actual.commands()).isEqualTo(expected.commands());
                assertThat(actual.events()).isEqualTo(expected.events());
            }
        }
        assertThat(live.state()).isEqualTo(State.FAILURE);
        assertThat(restored.toGraph()).isEqualTo(live.toGraph());
        assertThat(fromJson.toGraph()).isEqualTo(live.toGraph());
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        run.submit(Graphs.builder().node("a").sparse());
        WorkflowState before = run.state.copy();

        run.succeeded("a");

        assertThat(before.node(0).state()).isEqualTo(State.TORUN);
        assertThat(before.state()).isEqualTo(State.RUNNING);
    }

    // ---- events ----

    @Test
    void theEventsReplayedGiveTheFinalState() {
        run.submit(Graphs.seedExample());
        run.succeeded("d", D_OUTPUTS);
        run.started("f");
        run.succeeded("f");
        run.failed("a");
        run.succeedAll();

        assertThat(run.state.state()).isEqualTo(State.FAILURE);
        assertThat(EventReplay.replay(run.events)).isEqualTo(run.state.toGraph());
    }

    @Test
    void everyNodeChangedCarriesTheNodeAsStored() {
        run.submit(Graphs.seedExample());
        Decision d = run.succeeded("d", D_OUTPUTS);

        assertThat(d.events()).singleElement().isInstanceOfSatisfying(WorkflowEvent.NodeChanged.class,
                c -> assertThat(c.node()).isEqualTo(run.state.node(3)));
    }
}
