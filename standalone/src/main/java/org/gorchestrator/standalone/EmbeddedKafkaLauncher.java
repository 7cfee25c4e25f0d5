package org.gorchestrator.standalone;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the {@link EmbeddedKafka} broker while Spring Boot starts, unless {@code spring.kafka.bootstrap-servers}
 * is set, and points {@code spring.kafka.bootstrap-servers} at it. It starts once the configuration is read
 * and logging is set up, so both come from the usual places.
 *
 * <p>The broker starts on a thread of its own, beside the context creating its beans: each takes seconds, and
 * one after the other they were most of the start-up. The context waits for the broker once every bean exists
 * ({@link BrokerStarted}, the first bean registered): before topics are created and before any Kafka Streams
 * client or listener container starts. A bean that reaches the broker sooner only waits, as Kafka clients do
 * for a broker that is not up yet.
 *
 * <p>With the embedded broker, one process is the whole system, so it also gets {@link #ONE_PROCESS defaults}
 * of its own (lowest precedence: any setting of the user's wins).
 */
final class EmbeddedKafkaLauncher
        implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, ApplicationContextInitializer<ConfigurableApplicationContext>,
        Ordered, AutoCloseable {
    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

    /**
     * One conductor thread and one worker process share nothing with other processes: more partitions only
     * add to what every conductor transaction touches (a commit writes a marker to each partition it wrote to).
     * With one, commits are cheap enough to come every 5 ms, and the commit interval is most of the hand-off
     * between nodes (the workers read committed records only): BENCHMARKS.md, "Settings behind the figures".
     * Its conductor, worker and API are the only ones its broker serves, so fixed static memberships are unique: a
     * restart, after a stop or a crash, takes the groups back at once instead of waiting out the previous process's
     * sessions (until then no node would run, and no submission or trigger record would be read).
     */
    static final Map<String, Object> ONE_PROCESS = Map.of(
            "gorch.kafka.partitions", "1",
            "gorch.kafka.node-command-partitions", "2",
            "gorch.conductor.commit-interval", "5ms",
            "gorch.conductor.instance-id", "gorch-standalone",
            "gorch.worker.consumer[group.instance.id]", "gorch-standalone-worker",
            "gorch.api.submissions.instance-id", "gorch-standalone",
            "gorch.api.triggers.instance-id", "gorch-standalone");

    private CompletableFuture<EmbeddedKafka> kafka;

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (environment.containsProperty(BOOTSTRAP_SERVERS)) {
            return;
        }
        StandaloneProperties settings = StandaloneProperties.from(environment);
        // Chosen here, so that the clients' address is known before the broker listens on it.
        int port = settings.kafkaPort() == 0 ? EmbeddedKafka.freePort() : settings.kafkaPort();
        kafka = CompletableFuture.supplyAsync(() -> EmbeddedKafka.start(settings.kafkaDir(), port, settings.broker()),
                start -> new Thread(start, "embedded-kafka-start").start());
        Map<String, Object> defaults = new HashMap<>(ONE_PROCESS);
        defaults.put(BOOTSTRAP_SERVERS, EmbeddedKafka.bootstrapServers(port));
        environment.getPropertySources().addLast(new MapPropertySource("embeddedKafka", defaults));
    }

    // Registered before any bean exists, the broker is the last thing the context destroys: after Spring has
    // stopped the Kafka Streams and listener containers and closed every producer, consumer and admin client.
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (kafka != null) {
            GenericApplicationContext generic = (GenericApplicationContext) context;
            generic.registerBean("embeddedKafkaStarted", BrokerStarted.class, () -> new BrokerStarted(this::awaitStarted));
            generic.getDefaultListableBeanFactory().registerDisposableBean("embeddedKafka", this::close);
        }
    }

    /** Stops the broker if it runs, once it has started; for when Spring fails before it has a context to stop it with. */
    @Override
    public void close() {
        if (kafka != null) {
            try {
                kafka.join().close();
            } catch (CompletionException failedToStart) {
                // A broker that failed to start has stopped already (EmbeddedKafka.start), and awaitStarted said why.
            }
        }
    }

    private void awaitStarted() {
        try {
            kafka.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Waits for the broker once every singleton exists: registered first, it is the first one told so. */
    record BrokerStarted(Runnable await) implements SmartInitializingSingleton {
        @Override
        public void afterSingletonsInstantiated() {
            await.run();
        }
    }
}
