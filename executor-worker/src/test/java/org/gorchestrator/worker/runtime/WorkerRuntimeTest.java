package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.nil;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;
import static org.gorchestrator.worker.testkit.Commands.withTimeout;
import static org.gorchestrator.worker.testkit.EventLists.ended;
import static org.gorchestrator.worker.testkit.EventLists.ofNode;
import static org.gorchestrator.worker.testkit.EventLists.ofType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.testkit.Workers;
import org.gorchestrator.worker.testkit.WorkersOnFreshTopics;
import org.junit.jupiter.api.Test;

class WorkerRuntimeTest extends WorkersOnFreshTopics {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String group = "workers-" + UUID.randomUUID();

    WorkerRuntimeTest() {
        super(4);
    }

    @Test
    void reportsEachNodeStartedThenHowItEndedAndCommitsWhatItFinished() {
        String wf = "wf-events";
        kafka.send(withOutputs(command(wf, 0, "shell", "printf", List.of("X=42\nnoise\n")), List.of("X")),
                command(wf, 1, "shell", "sh", List.of("-c", "echo oops >&2; exit 3")),
                command(wf, 2, "ansible", "site.yml", List.of()),
                withTimeout(command(wf, 3, "shell", "sleep", List.of("30")), 1));
        kafka.sendRaw("garbage", "not a node command".getBytes(StandardCharsets.UTF_8));
        kafka.send(nil(wf, 4));
        workers.start(Workers.config("w-events", group, 4), Workers.drivers());

        List<NodeEvent> events = kafka.awaitEvents(seen -> ended(seen).size() == 5);

        assertStartedThenEnded(events, wf, 0, NodeEvent.Succeeded.class);
        NodeEvent.Succeeded succeeded = (NodeEvent.Succeeded) ofNode(events, wf, 0).get(1);
        assertThat(succeeded.outputs()).isEqualTo(Map.of("X", "42"));
        assertThat(succeeded.exitCode()).isZero();
        assertThat(succeeded.startedAt()).isEqualTo(ofNode(events, wf, 0).get(0).at());

        NodeEvent.Failed failed = (NodeEvent.Failed) assertStartedThenEnded(events, wf, 1, NodeEvent.Failed.class);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.message()).isEqualTo("exit code 3; stderr: oops");

        NodeEvent.Failed noDriver = (NodeEvent.Failed) assertStartedThenEnded(events, wf, 2, NodeEvent.Failed.class);
        assertThat(noDriver.exitCode()).isNull();
        assertThat(noDriver.message()).startsWith("no driver for engine 'ansible' on worker w-events");

        NodeEvent.TimedOut timedOut = (NodeEvent.TimedOut) assertStartedThenEnded(events, wf, 3, NodeEvent.TimedOut.class);
        assertThat(timedOut.message()).isEqualTo("timed out after 1s");

        assertStartedThenEnded(events, wf, 4, NodeEvent.Succeeded.class);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.worker()).isEqualTo("w-events");
            assertThat(e.attempt()).isEqualTo(1);
        });
        await().atMost(WAIT).until(() -> kafka.committed(group) == 6); // the garbage record included: it can never run
    }

    @Test
    void neverRunsMoreNodesAtOnceThanItsConcurrency() {
        OverlapCounter counter = new OverlapCounter();
        IntStream.range(0, 6).forEach(i -> kafka.send(command("wf-" + i, 0, "counted", null, List.of())));
        WorkerRuntime worker = workers.start(Workers.config("w-limit", group, 2), Workers.drivers(counter));

        List<NodeEvent> events = kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Succeeded.class).size() == 6);

        assertThat(counter.runs.get()).isEqualTo(6);
        assertThat(counter.mostAtOnce.get()).isEqualTo(2);
        assertThat(ofType(events, NodeEvent.Started.class)).hasSize(6);
        await().atMost(WAIT).until(() -> worker.status().busy() == 0);
    }

    @Test
    void aNodeOutlivingTheMaxPollIntervalRunsOnceAndTheGroupDoesNotRebalance() {
        WorkerRuntime worker = workers.start(
                Workers.config("w-long", group, 1, Duration.ofSeconds(5), Map.of("max.poll.interval.ms", "3000")),
                Workers.drivers());
        await().atMost(WAIT).until(() -> worker.status().assigned().size() == 4);
        int rebalancesBefore = worker.status().rebalances();

        kafka.send(command("wf-long", 0, "sleep", null, List.of("6s")));
        kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Started.class).size() == 1);
        kafka.send(nil("wf-long", 1));

        assertThat(ofNode(kafka.eventsAfter(Duration.ofSeconds(1)), "wf-long", 1)).isEmpty();
        assertThat(worker.status().busy()).as("records taken while the only slot is busy").isEqualTo(1);
        List<NodeEvent> events = kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Succeeded.class).size() == 2);
        assertThat(ofType(ofNode(events, "wf-long", 0), NodeEvent.Started.class)).hasSize(1);
        assertThat(worker.status().rebalances()).isEqualTo(rebalancesBefore);
        await().atMost(WAIT).until(() -> kafka.committed(group) == 2);
    }

    @Test
    void workersOfOneGroupShareTheWork() {
        WorkerRuntime a = workers.start(Workers.config("w-a", group, 4), Workers.drivers());
        WorkerRuntime b = workers.start(Workers.config("w-b", group, 4), Workers.drivers());
        await().atMost(WAIT).until(() -> a.status().assigned().size() == 2 && b.status().assigned().size() == 2);

        IntStream.range(0, 24).forEach(i -> kafka.send(nil("wf-share-" + i, 0)));

        List<NodeEvent> events = kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Succeeded.class).size() == 24);
        Set<String> ranOn = ofType(events, NodeEvent.Succeeded.class).stream().map(NodeEvent::worker).collect(Collectors.toSet());
        assertThat(ranOn).containsExactlyInAnyOrder("w-a", "w-b");
        assertThat(ofType(events, NodeEvent.Started.class)).hasSize(24);
    }

    @Test
    void anAttemptShorterThanTheStartedDelayReportsOnlyItsEndAndALongerOneBoth() {
        workers.start(Workers.config("w-delay", group, 4).withStartedDelay(Duration.ofMillis(500)), Workers.drivers());

        kafka.send(nil("wf-delay", 0), command("wf-delay", 1, "sleep", null, List.of("2s")));

        List<NodeEvent> events = kafka.awaitEvents(seen -> ended(seen).size() == 2);
        assertThat(ofNode(events, "wf-delay", 0)).singleElement().isInstanceOfSatisfying(NodeEvent.Succeeded.class,
                quick -> assertThat(quick.startedAt()).as("its start time, carried by its end").isNotNull().isBeforeOrEqualTo(quick.at()));
        List<NodeEvent> slow = ofNode(events, "wf-delay", 1);
        assertThat(slow).extracting(NodeEvent::getClass).containsExactly(NodeEvent.Started.class, NodeEvent.Succeeded.class);
        assertThat(((NodeEvent.Succeeded) slow.get(1)).startedAt()).isEqualTo(slow.get(0).at());
    }

    @Test
    void aStoppingWorkerLetsRunningNodesFinishWithinTheGrace() {
        WorkerRuntime worker = workers.start(Workers.config("w-grace", group, 2, Duration.ofSeconds(30), Map.of()), Workers.drivers());
        kafka.send(command("wf-grace", 0, "sleep", null, List.of("1s")));
        kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Started.class).size() == 1);

        worker.stop();

        assertThat(ofType(kafka.eventsAfter(Duration.ofMillis(500)), NodeEvent.Succeeded.class)).hasSize(1);
        assertThat(kafka.committed(group)).isEqualTo(1);
    }

    @Test
    void aNodeStillRunningAfterTheGraceIsAbandonedUncommittedAndRunsAgainOnAnotherWorker() {
        WorkerRuntime first = workers.start(Workers.config("w-first", group, 2, Duration.ofMillis(300), Map.of()), Workers.drivers());
        kafka.send(command("wf-again", 0, "sleep", null, List.of("60s")));
        kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Started.class).size() == 1);

        first.stop();

        assertThat(ended(kafka.eventsAfter(Duration.ofSeconds(1)))).isEmpty();
        assertThat(kafka.committed(group)).isZero();

        workers.start(Workers.config("w-second", group, 2), new DriverRegistry(List.of(new InstantSleep())));
        List<NodeEvent> events = kafka.awaitEvents(seen -> ended(seen).size() == 1);
        assertThat(events).extracting(NodeEvent::getClass, NodeEvent::worker, NodeEvent::attempt).containsExactly(
                tuple(NodeEvent.Started.class, "w-first", 1),
                tuple(NodeEvent.Started.class, "w-second", 1),
                tuple(NodeEvent.Succeeded.class, "w-second", 1));
        await().atMost(WAIT).until(() -> kafka.committed(group) == 1);
    }

    private static NodeEvent assertStartedThenEnded(List<NodeEvent> events, String wf, int nodeId, Class<? extends NodeEvent> end) {
        List<NodeEvent> ofNode = ofNode(events, wf, nodeId);
        assertThat(ofNode).hasSize(2);
        assertThat(ofNode.get(0)).isInstanceOf(NodeEvent.Started.class);
        assertThat(ofNode.get(1)).isInstanceOf(end);
        return ofNode.get(1);
    }

    /** Engine {@code counted}: counts how many of its nodes run at once. */
    private static final class OverlapCounter implements Driver {
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger runs = new AtomicInteger();

        @Override
        public String engine() {
            return "counted";
        }

        @Override
        public DriverResult run(NodeCommand command, RunContext context) {
            runs.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                // Hold on until a second node runs alongside, then a little longer: room for a third, if the pool let one in.
                await().atMost(Duration.ofSeconds(2)).until(() -> running.get() >= 2);
                Thread.sleep(200);
            } catch (ConditionTimeoutException e) {
                // the last node may have no partner left
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return DriverResult.succeeded("counted");
        }
    }

    /** Engine {@code sleep} that does not sleep: the second worker need not wait out the first one's long node. */
    private static final class InstantSleep implements Driver {
        @Override
        public String engine() {
            return "sleep";
        }

        @Override
        public DriverResult run(NodeCommand command, RunContext context) {
            return DriverResult.succeeded("slept no time");
        }
    }
}
