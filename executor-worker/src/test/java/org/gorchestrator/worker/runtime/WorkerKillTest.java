package org.gorchestrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.nil;
import static org.gorchestrator.worker.testkit.EventLists.ended;
import static org.gorchestrator.worker.testkit.EventLists.ofNode;
import static org.gorchestrator.worker.testkit.EventLists.ofType;
import static org.gorchestrator.worker.testkit.Processes.gone;
import static org.gorchestrator.worker.testkit.Processes.pids;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.NodeKill;
import org.gorchestrator.worker.testkit.Workers;
import org.gorchestrator.worker.testkit.WorkersOnFreshTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Kill requests on the control topic, against real processes. */
@EnabledOnOs(OS.LINUX)
class WorkerKillTest extends WorkersOnFreshTopics {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A shell, its child shell and that one's child sleep, each pid recorded in the file named by $1. */
    private static final String THREE_GENERATIONS =
            "echo $$ > \"$1\"; bash -c 'echo $$ >> \"$0\"; sleep 60 & echo $! >> \"$0\"; wait' \"$1\" & wait";

    private final String group = "workers-" + UUID.randomUUID();

    @TempDir
    Path tmp;

    WorkerKillTest() {
        super(4);
    }

    @Test
    void aKillStopsTheRunningAttemptWithItsWholeProcessTreeAndFreesTheWorker() throws IOException {
        WorkerRuntime worker = workers.start(Workers.config("w-kill", group, 1), Workers.drivers());
        Path pids = tmp.resolve("pids");
        kafka.send(command("wf-kill", 0, "shell", "bash", List.of("-c", THREE_GENERATIONS, "fixture", pids.toString())));
        kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Started.class).size() == 1);
        await().atMost(WAIT).until(() -> pids(pids).size() == 3);

        kafka.kill(new NodeKill("wf-kill", 0, 1, "canceled", Instant.now()));

        List<NodeEvent> events = kafka.awaitEvents(seen -> ended(seen).size() == 1);
        assertThat(ended(events).get(0)).isInstanceOfSatisfying(NodeEvent.Failed.class,
                failed -> assertThat(failed.message()).isEqualTo("canceled"));
        assertThat(pids(pids)).allSatisfy(pid -> assertThat(gone(pid)).as("pid %d gone", pid).isTrue());
        await().atMost(WAIT).until(() -> worker.status().busy() == 0 && kafka.committed(group) == 1);

        kafka.send(nil("wf-kill", 1));
        kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Succeeded.class).size() == 1);
    }

    @Test
    void anAttemptKilledBeforeItsCommandComesNeverStartsAndItsCommandIsCommitted() {
        kafka.kill(new NodeKill("wf-skip", 0, 1, "canceled", Instant.now()));
        // Started after the kill: a command still waiting in Kafka can be older than the worker, so it reads kills from before its start.
        WorkerRuntime worker = workers.start(Workers.config("w-skip", group, 1), Workers.drivers());
        await().atMost(WAIT).until(() -> worker.status().kills() == 1);

        kafka.send(nil("wf-skip", 0), nil("wf-skip", 1));

        await().atMost(WAIT).until(() -> kafka.committed(group) == 2);
        List<NodeEvent> events = kafka.eventsAfter(Duration.ofMillis(300));
        assertThat(ofNode(events, "wf-skip", 0)).isEmpty();
        assertThat(ofNode(events, "wf-skip", 1)).extracting(NodeEvent::getClass)
                .containsExactly(NodeEvent.Started.class, NodeEvent.Succeeded.class);
        assertThat(worker.status().busy()).isZero();
    }
}
