package org.gorchestrator.worker.logs;

import org.gorchestrator.message.LogChunk;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gorchestrator.kafka.Topic;
import org.gorchestrator.message.NodeCommand;

/**
 * Ships the output of the attempts this worker runs to the node-logs topic as {@link LogChunk}s,
 * keyed like the node's commands. One thread sends the chunks of every attempt each flush interval,
 * and as soon as one is full. Shipping never fails an attempt: a chunk Kafka does not take is
 * dropped and counted.
 */
public final class LogShipper implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    // Sends happen on the shipper's thread, except an attempt's last chunks: a broker in trouble
    // holds up the end of an attempt at most this long.
    private static final int DEFAULT_MAX_BLOCK_MILLIS = 1000;
    // Nobody waits on a chunk the way a successor waits on a node's events: let the chunks of many
    // attempts share a request (every nil node still ships its last chunk).
    private static final int DEFAULT_LINGER_MILLIS = 50;

    private final KafkaProducer<String, LogChunk> producer;
    private final String topic;
    private final int chunkBytes;
    private final ScheduledExecutorService flusher;
    private final Set<AttemptOutput> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param producerProperties the Kafka producer settings ({@code spring.kafka.*})
     * @param maxMessageBytes    the largest record the topic takes
     * @param chunkBytes         the most line bytes in one chunk, unless a single line is longer
     */
    public LogShipper(Map<String, Object> producerProperties, Topic<String, LogChunk> topic, int maxMessageBytes, Duration flushInterval,
                      int chunkBytes) {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_MAX_BLOCK_MILLIS);
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MILLIS);
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes);
        this.producer = new KafkaProducer<>(properties, topic.keySerializer(), topic.valueSerializer());
        this.topic = topic.name();
        this.chunkBytes = chunkBytes;
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gorch-worker-logs");
            thread.setDaemon(true);
            return thread;
        });
        long interval = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(() -> open.forEach(AttemptOutput::flush), interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The output of an attempt about to start; {@code maxOutputBytes} bounds each of its streams, kept and shipped. */
    public AttemptOutput open(NodeCommand command, int maxOutputBytes) {
        AttemptOutput output = new AttemptOutput(command, this, chunkBytes, maxOutputBytes);
        open.add(output);
        return output;
    }

    /** Chunks that did not reach Kafka since this shipper started. */
    public long droppedChunks() {
        return dropped.get();
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        producer.close(CLOSE_TIMEOUT);
    }

    void flushSoon(AttemptOutput output) {
        try {
            flusher.execute(output::flush);
        } catch (RejectedExecutionException e) {
            // closing: what is left goes with the attempt's last chunks, if at all
        }
    }

    void closed(AttemptOutput output) {
        open.remove(output);
    }

    void send(LogChunk chunk, AttemptOutput from) {
        try {
            producer.send(new ProducerRecord<>(topic, chunk.key(), chunk), (metadata, e) -> {
                if (e != null) {
                    dropped(from, e);
                }
            });
        } catch (RuntimeException e) { // closed, or no metadata within max.block.ms
            dropped(from, e);
        }
    }

    private void dropped(AttemptOutput from, Exception cause) {
        dropped.incrementAndGet();
        from.dropped(cause);
    }
}
