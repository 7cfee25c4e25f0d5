package org.gorchestrator.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.gorchestrator.client.GorchClient;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;

/**
 * One run at one rate: submits the scenario's workflow at that rate (or as fast as the in-flight
 * bound allows), follows each one with long polls of its GET, one at a time, until it finishes or
 * its time is up, then measures. Every loop here is bounded: by the count or duration, by
 * {@link #MAX_SUBMISSIONS}, and by each workflow's finish timeout.
 */
final class LoadRun {
    static final int MAX_SUBMISSIONS = 1_000_000;
    // The API holds a GET with wait until the workflow has finished: following one costs the system
    // under test one answer, not a read and a JSON document per poll. Latencies come from the
    // documents' own dates, not from when an answer came.
    private static final long MAX_WAIT_MS = 30_000;
    // An API older than the long poll ignores wait and answers at once. An unfinished answer back in
    // under a tenth of its wait is taken for that: the next request waits, 50 ms and twice as long
    // each time up to 1 s, as the driver used to poll, so as not to spin.
    private static final int EARLY_FRACTION = 10;
    private static final long FIRST_DELAY_MS = 50;
    private static final long MAX_DELAY_MS = 1_000;

    /**
     * @param concurrency   most workflows in flight at once
     * @param duration      how long to submit, when {@code count} is 0
     * @param count         how many workflows to submit, or 0 to submit for {@code duration}
     * @param finishTimeout how long one workflow may take, from its POST, before it counts as unfinished
     */
    record Settings(int concurrency, Duration duration, int count, Duration finishTimeout) {
        /** The same bounds for a run of {@code length} instead. */
        Settings lasting(Duration length) {
            return new Settings(concurrency, length, 0, finishTimeout);
        }
    }

    /** One run, to measure around. */
    @FunctionalInterface
    interface Once {
        Measurement run() throws InterruptedException;
    }

    private final GorchClient client;
    private final Scenario scenario;
    private final byte[] document;
    private final Settings settings;
    private final double rate;
    private final String label;
    private final Semaphore slots;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-timer");
        t.setDaemon(true);
        return t;
    });
    private final long startNanos = System.nanoTime();

    // Tallies, guarded by this.
    private final LongStream.Builder endToEnd = LongStream.builder();
    private final LongStream.Builder handOffs = LongStream.builder();
    private final LongStream.Builder stopToAnswer = LongStream.builder();
    private int attempted;
    private int submitted;
    private int rejected;
    private int succeeded;
    private int failed;
    private int unfinished;
    private int inFlight;
    private long nodesSucceeded;
    private Instant firstSend;
    private Instant lastStop;
    private boolean closed;

    private LoadRun(GorchClient client, Scenario scenario, Settings settings, double rate, String label) {
        this.label = label;
        this.client = client;
        this.scenario = scenario;
        this.document = scenario.document();
        this.settings = settings;
        this.rate = rate;
        this.slots = new Semaphore(settings.concurrency());
    }

    /** Runs {@code scenario} at {@code rate} workflows per second, or as fast as possible when {@code rate} is 0. */
    static Measurement run(GorchClient client, Scenario scenario, Settings settings, double rate) throws InterruptedException {
        return run(client, scenario, settings, rate, scenario.label() + " @ " + (rate == 0 ? "max" : String.format(Locale.ROOT, "%.1f/s", rate)));
    }

    static Measurement run(GorchClient client, Scenario scenario, Settings settings, double rate, String label) throws InterruptedException {
        LoadRun run = new LoadRun(client, scenario, settings, rate, label);
        try {
            return run.measure();
        } finally {
            run.timer.shutdownNow();
        }
    }

    private Measurement measure() throws InterruptedException {
        long submitWindow;
        try (Progress progress = new Progress(label, this::fractionDone, this::status, timer)) {
            submitAll();
            submitWindow = System.nanoTime() - startNanos;
            drain();
        }
        return result(submitWindow);
    }

    private void submitAll() throws InterruptedException {
        long end = startNanos + settings.duration().toNanos();
        int limit = settings.count() > 0 ? Math.min(settings.count(), MAX_SUBMISSIONS) : MAX_SUBMISSIONS;
        for (int i = 0; i < limit; i++) {
            if (rate > 0) {
                waitUntil(startNanos + (long) (i * 1e9 / rate));
            }
            if (settings.count() == 0 && System.nanoTime() >= end) {
                return;
            }
            long wait = settings.count() > 0 ? settings.finishTimeout().toNanos() : end - System.nanoTime();
            if (!slots.tryAcquire(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                return;
            }
            submit();
        }
    }

    /** Sleeps until {@code nanos}, or for at most the run's duration when it is counted. */
    private void waitUntil(long nanos) {
        long until = settings.count() > 0 ? nanos : Math.min(nanos, startNanos + settings.duration().toNanos());
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private void submit() {
        Instant sent = Instant.now();
        long deadline = System.nanoTime() + settings.finishTimeout().toNanos();
        synchronized (this) {
            attempted++;
            inFlight++;
            firstSend = firstSend == null ? sent : firstSend;
        }
        client.submitAsync(document).whenComplete((submission, error) -> {
            if (error != null) {
                done(() -> rejected++);
            } else {
                synchronized (this) {
                    submitted++;
                }
                follow(submission.id(), sent, deadline, FIRST_DELAY_MS);
            }
        });
    }

    /** Asks for the workflow until it has finished or its deadline has passed; one request at a time. */
    private void follow(String id, Instant sent, long deadline, long delayMs) {
        if (isClosed()) {
            return;
        }
        long asked = System.nanoTime();
        long waitMs = Math.max(1, Math.min(MAX_WAIT_MS, TimeUnit.NANOSECONDS.toMillis(deadline - asked)));
        // A failed read (the API does not know the id yet, or refused) counts as unfinished: ask again, or give up at the deadline.
        client.getAsync(id, Duration.ofMillis(waitMs)).whenComplete((graph, error) -> {
            long now = System.nanoTime();
            if (graph != null && graph.state().isFinished()) {
                Instant answered = Instant.now();
                done(() -> record(sent, graph, answered));
            } else if (now > deadline) {
                done(() -> unfinished++);
            } else if (now - asked < TimeUnit.MILLISECONDS.toNanos(waitMs) / EARLY_FRACTION) {
                timer.schedule(() -> follow(id, sent, deadline, Math.min(delayMs * 2, MAX_DELAY_MS)), delayMs, TimeUnit.MILLISECONDS);
            } else {
                follow(id, sent, deadline, FIRST_DELAY_MS);
            }
        });
    }

    /** Ends one workflow: counts it (unless the run is over) and frees its slot. */
    private void done(Runnable tally) {
        synchronized (this) {
            if (!closed) {
                tally.run();
                inFlight--;
            }
        }
        slots.release();
    }

    private void record(Instant sent, Graph graph, Instant answered) {
        Instant stop = graph.stopDate() != null ? graph.stopDate() : answered;
        endToEnd.add(Duration.between(sent, stop).toNanos() / 1_000);
        stopToAnswer.add(Duration.between(stop, answered).toNanos() / 1_000);
        HandOffs.each(graph, handOffs::add);
        if (graph.state() == State.SUCCESS) {
            succeeded++;
        } else {
            failed++;
        }
        nodesSucceeded += graph.nodes().stream().map(Node::state).filter(State.SUCCESS::equals).count();
        lastStop = lastStop == null || stop.isAfter(lastStop) ? stop : lastStop;
    }

    /** Waits for every workflow in flight to end; each ends by its own deadline at the latest. */
    private void drain() throws InterruptedException {
        long bound = settings.finishTimeout().toMillis() + MAX_DELAY_MS + 31_000;
        boolean all = slots.tryAcquire(settings.concurrency(), bound, TimeUnit.MILLISECONDS);
        synchronized (this) {
            if (!all) {
                unfinished += inFlight;
            }
            closed = true;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized Measurement result(long submitWindowNanos) {
        int finished = succeeded + failed;
        double seconds = lastStop != null ? Duration.between(firstSend, lastStop).toNanos() / 1e9 : (System.nanoTime() - startNanos) / 1e9;
        double perSecond = seconds > 0 ? 1 / seconds : 0;
        return new Measurement(scenario.label(), scenario.nodes(), rate, attempted / (submitWindowNanos / 1e9), seconds,
                submitted, rejected, succeeded, failed, unfinished, finished * perSecond, nodesSucceeded * perSecond,
                Latencies.ofMicros(endToEnd.build().toArray()), Latencies.ofMicros(handOffs.build().toArray()),
                Latencies.ofMicros(stopToAnswer.build().toArray()), BytesPerNode.NONE,
                HandOffSplit.NONE, RequestsPerNode.NONE);
    }

    private synchronized double fractionDone() {
        if (settings.count() > 0) {
            return (double) (succeeded + failed + unfinished + rejected) / settings.count();
        }
        return (System.nanoTime() - startNanos) / (double) settings.duration().toNanos();
    }

    private synchronized String status() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return String.format(Locale.ROOT, "%,d sent  %,d done  %,d in flight  %,.1f wf/s", attempted, succeeded + failed, inFlight,
                (succeeded + failed) / Math.max(elapsed, 1e-3));
    }
}
