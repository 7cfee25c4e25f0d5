package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * runs more than twice.
 */
@ExtendWith(KafkaBroker.class)
class WorkerProcessesScalingTest {
    private static final Path JAR = Gorch.REPO.resolve("standalone/target/gorchestrator-standalone.jar");
    private static final int WIDTH = 300;

    @TempDir
    Path dir;

    @Test
    void threeWorkerProcessesShareABurstAndSurviveTheLossOfOne() throws Exception {
        assertThat(JAR).as("the packaged jar; build it with ./mvnw package").exists();
        List<Process> workers = new ArrayList<>();
        try (Gorch gorch = new Gorch(dir).apiAndConductor()) {
            for (int i = 1; i <= 3; i++) {
                workers.add(startWorker(gorch, "jvm-" + i));
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
            Process victim = workers.get(2);
            victim.destroyForcibly().waitFor();

            Graph done = gorch.awaitFinished(id, Duration.ofSeconds(180));
            assertThat(done.state()).isEqualTo(State.SUCCESS);
            assertThat(done.nodes()).extracting(Node::state).containsOnly(State.SUCCESS);
            assertThat(succeededBy(done)).containsAll(Set.of("jvm-1", "jvm-2", "jvm-3"));
            assertThat(startsPerNode(gorch, id).values()).as("executions per node").allSatisfy(n -> assertThat(n).isBetween(1, 2));
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private Process startWorker(Gorch gorch, String workerId) throws IOException {
        List<String> command = new ArrayList<>(List.of(Processes.javaBin(), "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(gorch.workerArguments(workerId));
        command.add("--gorch.worker.concurrency=4");
        // every attempt reports its start at once: the test counts executions by these reports
        command.add("--gorch.worker.started-delay=0");
        command.add("--gorch.worker.consumer[session.timeout.ms]=10000");
        command.add("--gorch.worker.consumer[heartbeat.interval.ms]=1000");
        Path log = dir.resolve(workerId + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
