package org.gorchestrator.api.logs;

import org.gorchestrator.message.LogChunk;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one attempt's log for one client: first the chunks already stored, then those arriving,
 * until the chunk marked last, or until the grace time has passed both since the node was seen finished
 * and since the last chunk came.
 * It listens before it reads the store, so no chunk falls between the two; one seen twice is sent once, and none the
 * client already has (seq up to its Last-Event-ID).
 */
final class LogFollower implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
    private static final long TICK_MILLIS = 200;
    private static final long KEEP_ALIVE_NANOS = Duration.ofSeconds(15).toNanos();
    /** A client that falls this far behind is closed: it comes back and reads the rest from the store. */
    private static final int MAX_PENDING_CHUNKS = 10_000;
    /**
     * The node's end and its last lines travel on different topics: the end may be seen first, after
     * a long quiet spell. The grace counts from when the end was seen, not from the last line.
     */
    private static final long NOT_YET = Long.MIN_VALUE;

    private final NodeLogService logs;
    private final LiveLogs live;
    private final LogTarget target;
    private final LogSink sink;
    private final long graceNanos;
    private final long after;
    private final BlockingQueue<LogChunk> arrivals = new LinkedBlockingQueue<>(MAX_PENDING_CHUNKS);
    private final Set<String> sent = new HashSet<>();
    private volatile boolean overflowed;

    /** @param after the seq of the last chunk the client has, -1 for none */
    LogFollower(NodeLogService logs, LiveLogs live, LogTarget target, long after, LogSink sink, Duration grace) {
        this.logs = logs;
        this.live = live;
        this.target = target;
        this.sink = sink;
        this.graceNanos = grace.toNanos();
        this.after = after;
    }

    @Override
    public void run() {
        try (LiveLogs.Following ignored = live.follow(target.workflowId(), target.nodeId(), target.attempt(), this::arrived)) {
            String reason = follow();
            if (reason != null) {
                sink.end(reason);
            }
        } catch (IOException clientGone) {
            LOG.debug("stopped following {}: {}", target, clientGone.getMessage());
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // e.g. the view restarting: the stream closes without its end event, and the client comes back
            LOG.warn("stopped following {}", target, e);
        } finally {
            sink.close();
        }
    }

    /** @return why the log is complete, or null when following stopped before */
    private String follow() throws IOException, InterruptedException {
        for (LogChunk chunk : logs.stored(target.workflowId(), target.nodeId(), target.attempt())) {
            if (send(chunk)) {
                return "last";
            }
        }
        long quietSince = System.nanoTime();
        long lastWrite = quietSince;
        long overSince = NOT_YET;
        while (!overflowed) {
            LogChunk chunk = arrivals.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
            long now = System.nanoTime();
            if (chunk != null) {
                if (send(chunk)) {
                    return "last";
                }
                quietSince = now;
                lastWrite = now;
            } else if (overSince == NOT_YET && logs.isOver(target)) {
                overSince = now;
            } else if (overSince != NOT_YET && now - Math.max(overSince, quietSince) >= graceNanos) {
                return "finished";
            } else if (now - lastWrite >= KEEP_ALIVE_NANOS) {
                sink.keepAlive();
                lastWrite = now;
            }
        }
        return null;
    }

    /** Sends the chunk unless the client has it or it is of a stream not followed; true when it is the attempt's last. */
    private boolean send(LogChunk chunk) throws IOException {
        if (chunk.seq() > after && sent.add(chunk.stream() + "/" + chunk.seq()) && target.streams().includes(chunk)) {
            sink.send(chunk);
        }
        return chunk.last();
    }

    private void arrived(LogChunk chunk) {
        if (!arrivals.offer(chunk)) {
            overflowed = true;
        }
    }
}
