package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gorchestrator.json.Json;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.Graphs;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes (separate JVMs started from the packaged jar) share a burst of 300 sleep
 * nodes; one is killed with SIGKILL mid-run, and still every node completes, none is lost and none
 * runs more than twice. The shell processes the killed worker left running are ended by the worker that
 * takes its commands over, before it runs them again.
 */
@ExtendWith(KafkaBroker.class)
class WorkerProcessesScalingTest {
    private static final Path JAR = Gorch.REPO.resolve("standalone/target/gorchestrator-standalone.jar");
    private static final int WIDTH = 300;
    /** Set in the environment of the worker that is killed, and passed to its nodes. */
    private static final String VICTIM = "GORCH_TEST_VICTIM";
    /** Shell nodes that hang where the victim runs them (recording their pid by node) and succeed anywhere else. */
    private static final String HANG_ON_VICTIM = "if [ -n \"$" + VICTIM + "\" ]; then echo $$ > \"$1/$GORCH_NODE_ID.tmp\"; "
            + "mv \"$1/$GORCH_NODE_ID.tmp\" \"$1/$GORCH_NODE_ID\"; sleep 300; fi";
    /** Enough independent nodes that some land on the victim's partitions. */
    private static final int HANGING = 24;

    @TempDir
    Path dir;

    @Test
    void threeWorkerProcessesShareABurstAndSurviveTheLossOfOne() throws Exception {
        assertThat(JAR).as("the packaged jar; build it with ./mvnw package").exists();
        List<Process> workers = new ArrayList<>();
        try (Gorch gorch = new Gorch(dir).apiAndConductor()) {
            for (int i = 1; i <= 3; i++) {
                workers.add(startWorker(gorch, "jvm-" + i, i == 3));
            }
            gorch.awaitWorkers(3);
            Graph burst = Graphs.fanOutFanIn(WIDTH, i -> Node.of(i, "n" + i, "sleep", null, List.of("100ms")));
            String id = gorch.submit(Json.writeString(burst));

            // A JVM that has just started can take a while over its first process spawn on a busy machine: the
            // victim goes down only once it has finished work of its own, so the run shows all three sharing it.
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                Graph graph = gorch.get(id);
                return succeeded(graph) >= WIDTH / 4 && succeededBy(graph).contains("jvm-3");
            });
            // Submitted only now: hanging nodes fill the victim's pool, which would leave it no burst node to run.
            Path stuck = Files.createDirectories(dir.resolve("stuck"));
            String hanging = gorch.submit(Json.writeString(Graph.sparse("hang-on-victim", List.of(),
                    IntStream.range(0, HANGING).mapToObj(i -> Node.of(i, "h" + i, "shell", "/bin/sh",
                            List.of("-c", HANG_ON_VICTIM, "node", stuck.toString()))).toList())));
            await().atMost(Duration.ofSeconds(60)).until(() -> !pids(stuck).isEmpty());
            Process victim = workers.get(2);
            victim.destroyForcibly().waitFor();
            List<Long> orphans = pids(stuck);
            assertThat(orphans).as("the victim's shell nodes outlive it").allSatisfy(pid -> assertThat(Processes.running(pid)).isTrue());

            assertThat(gorch.awaitFinished(hanging, Duration.ofSeconds(180)).state()).isEqualTo(State.SUCCESS);
            assertThat(orphans).as("the processes the killed worker left, ended by the worker that took its commands over")
                    .allSatisfy(pid -> assertThat(Processes.running(pid)).isFalse());

            Graph done = gorch.awaitFinished(id, Duration.ofSeconds(180));
            assertThat(done.state()).isEqualTo(State.SUCCESS);
            assertThat(done.nodes()).extracting(Node::state).containsOnly(State.SUCCESS);
            assertThat(succeededBy(done)).containsAll(Set.of("jvm-1", "jvm-2", "jvm-3"));
            assertThat(startsPerNode(gorch, id).values()).as("executions per node").allSatisfy(n -> assertThat(n).isBetween(1, 2));
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private Process startWorker(Gorch gorch, String workerId, boolean victim) throws IOException {
        List<String> command = new ArrayList<>(List.of(Processes.javaBin(), "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(gorch.workerArguments(workerId));
        command.add("--gorch.worker.concurrency=4");
        command.add("--gorch.worker.policy.pass-env=" + VICTIM);
        // every attempt reports its start at once: the test counts executions by these reports
        command.add("--gorch.worker.started-delay=0");
        command.add("--gorch.worker.consumer[session.timeout.ms]=10000");
        command.add("--gorch.worker.consumer[heartbeat.interval.ms]=1000");
        Path log = dir.resolve(workerId + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove(VICTIM);
        if (victim) {
            builder.environment().put(VICTIM, "yes");
        }
        return builder.start();
    }

    /** The pids the hanging nodes recorded, one file per node. */
    private static List<Long> pids(Path stuck) throws IOException {
        try (Stream<Path> files = Files.list(stuck)) {
            List<Long> pids = new ArrayList<>();
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".tmp")).toList()) {
                String text = Files.readString(file).strip();
                if (!text.isEmpty()) {
                    pids.add(Long.parseLong(text));
                }
            }
            return pids;
        }
    }

    private static long succeeded(Graph graph) {
        return graph.nodes().stream().filter(n -> n.state() == State.SUCCESS).count();
    }

    private static Set<String> succeededBy(Graph graph) {
        return graph.nodes().stream().filter(n -> n.state() == State.SUCCESS).map(Node::worker).collect(Collectors.toSet());
    }

    /** How many times each node of the workflow was started, from the workers' own reports. */
    private static Map<Integer, Integer> startsPerNode(Gorch gorch, String id) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<Integer, Integer> starts = new HashMap<>();
        try (KafkaConsumer<String, NodeEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(), JsonSerde.of(NodeEvent.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(gorch.nodeEventsTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, NodeEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof NodeEvent.Started started && started.workflowId().equals(id)) {
                        starts.merge(started.nodeId(), 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(starts).hasSize(WIDTH + 2);
        return starts;
    }
}
