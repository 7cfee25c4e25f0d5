package org.gorchestrator.api.triggers;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.gorchestrator.api.DaemonThreads;
import org.gorchestrator.api.view.ViewNotReadyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Keeps this instance's member of the triggers' consumer group on the topics the stored triggers read: every
 * {@code refresh} it reads the triggers from the view and, when their topics changed, replaces the listener container by
 * one on the new topics (its offsets stay the group's, so a topic followed again goes on where it stopped).
 */
public final class TriggerRunner implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerRunner.class);

    private final TriggerService triggers;
    private final FollowedTriggers followed;
    private final Function<Set<String>, MessageListenerContainer> containers;
    private final Duration refresh;
    private ScheduledExecutorService scheduler;
    private MessageListenerContainer container;
    private Set<String> topics = Set.of();

    public TriggerRunner(TriggerService triggers, FollowedTriggers followed, Function<Set<String>, MessageListenerContainer> containers,
                         Duration refresh) {
        this.triggers = triggers;
        this.followed = followed;
        this.containers = containers;
        this.refresh = refresh;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("gorch-api-triggers-"));
        scheduler.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        replace(Set.of());
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private synchronized void refresh() {
        try {
            Set<String> wanted = followed.follow(triggers.followable());
            if (!wanted.equals(topics) && scheduler != null) {
                replace(wanted);
            }
        } catch (ViewNotReadyException e) {
            // the view is (re)starting: follow what was followed until it reads again
        } catch (RuntimeException e) {
            LOG.warn("could not refresh the triggers' topics; trying again in {}", refresh, e);
        }
    }

    private void replace(Set<String> wanted) {
        if (container != null) {
            container.stop();
            container = null;
        }
        topics = wanted;
        if (!wanted.isEmpty()) {
            container = containers.apply(wanted);
            container.start();
            LOG.info("triggers follow {}", wanted);
        }
    }
}
