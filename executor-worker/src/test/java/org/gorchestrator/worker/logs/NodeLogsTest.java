package org.gorchestrator.worker.logs;

import org.gorchestrator.message.LogChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;
import static org.gorchestrator.worker.testkit.EventLists.ofType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.worker.runtime.WorkerSettings;
import org.gorchestrator.worker.testkit.Workers;
import org.gorchestrator.worker.testkit.WorkersOnFreshTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The output of real processes on the node-logs topic. */
@EnabledOnOs(OS.LINUX)
class NodeLogsTest extends WorkersOnFreshTopics {
    private final WorkerSettings config = Workers.config("w-logs", "workers-" + UUID.randomUUID(), 2);

    @TempDir
    Path tmp;

    NodeLogsTest() {
        super(2);
    }

    @Test
    void shipsOutputWhileTheAttemptRunsThenALastChunkBeforeItsEndIsReported() throws IOException {
        workers.start(config, Workers.drivers());
        Path go = tmp.resolve("go");
        // Prints, then waits for the test to have seen that output before it prints again and ends.
        String script = "echo one; echo careful >&2; while [ ! -e \"$1\" ]; do sleep 0.05; done; echo two";
        kafka.send(command("wf-logs", 0, "shell", "bash", List.of("-c", script, "fixture", go.toString())));

        List<LogChunk> early = values(kafka.awaitLogs(seen -> lines(values(seen), LogChunk.STDOUT).contains("one")));
        assertThat(early).noneMatch(LogChunk::last);
        Files.createFile(go);

        List<ConsumerRecord<String, LogChunk>> records = kafka.awaitLogs(seen -> values(seen).stream().anyMatch(LogChunk::last));
        List<LogChunk> chunks = values(records);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("wf-logs/0");
        assertThat(chunks).allSatisfy(c -> assertThat(c.attempt()).isEqualTo(1));
        assertInSeqOrderEndingWithTheLast(chunks);
        assertThat(lines(chunks, LogChunk.STDOUT)).containsExactly("one", "two");
        assertThat(lines(chunks, LogChunk.STDERR)).containsExactly("careful");
        NodeEvent.Succeeded succeeded = ofType(kafka.awaitEvents(seen -> !ofType(seen, NodeEvent.Succeeded.class).isEmpty()),
                NodeEvent.Succeeded.class).get(0);
        assertThat(chunks.get(chunks.size() - 1).at()).isBeforeOrEqualTo(succeeded.at());
    }

    @Test
    void cutsAStreamOffAtTheOutputLimitWithAMarkerButStillCapturesDeclaredOutputs() {
        workers.start(config, Workers.drivers());
        kafka.send(withOutputs(command("wf-cap", 0, "shell", "sh", List.of("-c", "seq 1 100000; echo X=42")), List.of("X")));

        List<LogChunk> chunks = values(kafka.awaitLogs(seen -> values(seen).stream().anyMatch(LogChunk::last)));

        assertInSeqOrderEndingWithTheLast(chunks);
        List<String> expected = new ArrayList<>();
        long shipped = 0;
        for (long i = 1; shipped + Long.toString(i).length() + 1 <= config.maxOutputBytes(); i++) {
            expected.add(Long.toString(i));
            shipped += Long.toString(i).length() + 1;
        }
        expected.add("…[output truncated after " + shipped + " bytes]");
        assertThat(lines(chunks, LogChunk.STDOUT)).containsExactlyElementsOf(expected);
        assertThat(chunks).allSatisfy(c -> assertThat(bytes(c.lines())).isLessThanOrEqualTo(config.logChunkBytes()));
        assertThat(chunks.size()).isGreaterThan(config.maxOutputBytes() / config.logChunkBytes());
        NodeEvent.Succeeded succeeded = ofType(kafka.awaitEvents(seen -> !ofType(seen, NodeEvent.Succeeded.class).isEmpty()),
                NodeEvent.Succeeded.class).get(0);
        assertThat(succeeded.outputs()).isEqualTo(Map.of("X", "42"));
    }

    @Test
    void withoutKafkaForLogsTheNodeStillRunsAndTheLostChunksAreCounted() {
        LogShipper nowhere = workers.logShipper(config, Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 100));
        workers.start(config, Workers.drivers(), nowhere);

        kafka.send(command("wf-nowhere", 0, "shell", "seq", List.of("1", "3")));

        kafka.awaitEvents(seen -> !ofType(seen, NodeEvent.Succeeded.class).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> nowhere.droppedChunks() >= 2); // the lines, and the last chunk
    }

    private static void assertInSeqOrderEndingWithTheLast(List<LogChunk> chunks) {
        assertThat(chunks).extracting(LogChunk::seq).containsExactlyElementsOf(LongStream.range(0, chunks.size()).boxed().toList());
        assertThat(chunks.subList(0, chunks.size() - 1)).noneMatch(LogChunk::last);
        assertThat(chunks.get(chunks.size() - 1).last()).isTrue();
    }

    private static List<LogChunk> values(List<ConsumerRecord<String, LogChunk>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static List<String> lines(List<LogChunk> chunks, String stream) {
        return chunks.stream().filter(c -> c.stream().equals(stream)).flatMap(c -> c.lines().stream()).toList();
    }

    private static int bytes(List<String> lines) {
        return lines.stream().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
    }
}
