package org.gorchestrator.api.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one workflow's events for one client: first those stored after the client's last one, then those arriving,
 * until the workflow finishes or is purged. It listens before it reads the store, so no event falls between the two;
 * one seen twice is sent once (offsets only grow).
 */
final class EventFollower implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFollower.class);
    private static final long TICK_MILLIS = 200;
    private static final long KEEP_ALIVE_NANOS = Duration.ofSeconds(15).toNanos();
    private static final long GONE_CHECK_NANOS = Duration.ofSeconds(1).toNanos();
    /** A client that falls this far behind is closed: it comes back with its Last-Event-ID and reads the rest from the store. */
    private static final int MAX_PENDING_EVENTS = 10_000;
    static final String FINISHED = "finished";
    static final String PURGED = "purged";

    private final WorkflowEventService events;
    private final LiveEvents live;
    private final String workflowId;
    private final EventSink sink;
    private final BlockingQueue<StoredEvent> arrivals = new LinkedBlockingQueue<>(MAX_PENDING_EVENTS);
    private long lastSeen;
    private volatile boolean overflowed;

    /** @param after the offset of the last event the client has, -1 for none */
    EventFollower(WorkflowEventService events, LiveEvents live, String workflowId, long after, EventSink sink) {
        this.events = events;
        this.live = live;
        this.workflowId = workflowId;
        this.lastSeen = after;
        this.sink = sink;
    }

    @Override
    public void run() {
        try (LiveEvents.Following ignored = live.follow(workflowId, this::arrived)) {
            String reason = follow();
            if (reason != null) {
                sink.end(reason);
            }
        } catch (IOException clientGone) {
            LOG.debug("stopped following the events of {}: {}", workflowId, clientGone.getMessage());
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // e.g. the view restarting: the stream closes without its end event, and the client comes back
            LOG.warn("stopped following the events of {}", workflowId, e);
        } finally {
            sink.close();
        }
    }

    /** @return why the stream is complete, or null when following stopped before */
    private String follow() throws IOException, InterruptedException {
        List<StoredEvent> stored = events.stored(workflowId);
        for (StoredEvent event : stored) {
            send(event);
        }
        // A finished workflow that is not rerun has nothing more to say: also when the client had every event already, and
        // when its events are gone (the topic's retention can be shorter than the workflow's) while the view still has it.
        if (stored.isEmpty() ? events.isFinished(workflowId) : stored.get(stored.size() - 1).finishesWorkflow()) {
            return FINISHED;
        }
        long now = System.nanoTime();
        long lastWrite = now;
        long lastGoneCheck = now;
        while (!overflowed) {
            StoredEvent event = arrivals.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
            now = System.nanoTime();
            if (event != null) {
                if (send(event) && event.finishesWorkflow()) {
                    return FINISHED;
                }
                lastWrite = now;
            } else if (now - lastGoneCheck >= GONE_CHECK_NANOS) {
                lastGoneCheck = now;
                if (!events.exists(workflowId)) {
                    return PURGED;
                }
            }
            if (now - lastWrite >= KEEP_ALIVE_NANOS) {
                sink.keepAlive();
                lastWrite = now;
            }
        }
        return null;
    }

    /** Sends the event unless the client has it already; true when it was new. */
    private boolean send(StoredEvent event) throws IOException {
        if (event.offset() <= lastSeen) {
            return false;
        }
        lastSeen = event.offset();
        sink.send(event);
        return true;
    }

    private void arrived(StoredEvent event) {
        if (!arrivals.offer(event)) {
            overflowed = true;
        }
    }
}
