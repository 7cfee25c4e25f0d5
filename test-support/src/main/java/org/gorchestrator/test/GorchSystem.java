package org.gorchestrator.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole system for tests: the API, conductor and workers as Spring contexts in this JVM, on the shared test broker
 * ({@link KafkaBroker}), with topics, consumer groups, application ids and directories of its own, so that test classes
 * never see each other's workflows. The services arrive as auto-configurations from their jars on the test classpath;
 * each context turns some of them off.
 */
public final class GorchSystem implements AutoCloseable {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Path dataDir;
    private final List<String> shared;
    private final String[] kafka;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private String baseUrl;

    /** @param shared properties every context of this system gets, e.g. {@code gorch.kafka.pools=gpu} */
    public GorchSystem(Path dataDir, String... shared) {
        this(dataDir, Map.of(), shared);
        KafkaBroker.bootstrapServers();
    }

    /**
     * A system on another broker than the shared test broker.
     *
     * @param kafka {@code spring.kafka.*} settings of every context (address, security); they win over the shared broker's address
     */
    public GorchSystem(Path dataDir, Map<String, String> kafka, String... shared) {
        this.dataDir = dataDir;
        this.shared = List.of(shared);
        this.kafka = kafka.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** API + conductor + worker in one context, as the standalone launcher runs them. */
    public GorchSystem all(String workerId) {
        return api(start("all", "gorch.worker.id=" + workerId));
    }

    public GorchSystem apiAndWorker(String workerId) {
        return api(start("api", "gorch.conductor.enabled=false", "gorch.worker.id=" + workerId));
    }

    public GorchSystem apiAndConductor() {
        return api(start("api-conductor", "gorch.worker.enabled=false"));
    }

    public ConfigurableApplicationContext conductor(String... extra) {
        List<String> props = new ArrayList<>(List.of("gorch.api.enabled=false", "gorch.worker.enabled=false", "spring.main.web-application-type=none"));
        props.addAll(List.of(extra));
        return start("conductor", props.toArray(String[]::new));
    }

    /** The API alone. */
    public GorchSystem api(String... extra) {
        List<String> props = new ArrayList<>(List.of("gorch.conductor.enabled=false", "gorch.worker.enabled=false"));
        props.addAll(List.of(extra));
        return api(start("api-only", props.toArray(String[]::new)));
    }

    public ConfigurableApplicationContext worker(String workerId, String... extra) {
        List<String> props = new ArrayList<>(List.of("gorch.api.enabled=false", "gorch.conductor.enabled=false",
                "gorch.worker.id=" + workerId, "spring.main.web-application-type=none"));
        props.addAll(List.of(extra));
        return start("worker-" + workerId, props.toArray(String[]::new));
    }

    /** The API's address, {@code http://127.0.0.1:PORT}, once a context with the API runs. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("no API started in this system");
        }
        return baseUrl;
    }

    /** The settings a worker in another process needs to join this system. */
    public List<String> workerArguments(String workerId) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                "--gorch.api.enabled=false",
                "--gorch.conductor.enabled=false",
                "--spring.main.web-application-type=none",
                "--gorch.worker.id=" + workerId,
                "--gorch.worker.group-id=" + workerGroup()));
        topics().forEach(topic -> args.add("--" + topic));
        args.add("--gorch.standalone.data-dir=" + dataDir.resolve(workerId));
        return args;
    }

    public String nodeEventsTopic() {
        return "ne-" + suffix;
    }

    public String nodeCommandsTopic() {
        return "nc-" + suffix;
    }

    public String workflowCommandsTopic() {
        return "wc-" + suffix;
    }

    public String workflowEventsTopic() {
        return "we-" + suffix;
    }

    public String submissionsTopic() {
        return "sub-" + suffix;
    }

    public String workerGroup() {
        return "workers-" + suffix;
    }

    private List<String> topics() {
        return List.of(
                "gorch.kafka.workflow-commands-topic=" + workflowCommandsTopic(),
                "gorch.kafka.node-commands-topic=" + nodeCommandsTopic(),
                "gorch.kafka.node-events-topic=" + nodeEventsTopic(),
                "gorch.kafka.workflow-events-topic=" + workflowEventsTopic(),
                "gorch.kafka.workflow-state-topic=ws-" + suffix,
                "gorch.kafka.node-control-topic=ctl-" + suffix,
                "gorch.kafka.node-logs-topic=logs-" + suffix,
                "gorch.kafka.templates-topic=templates-" + suffix,
                "gorch.kafka.schedules-topic=schedules-" + suffix,
                "gorch.kafka.schedule-runs-topic=schedule-runs-" + suffix,
                "gorch.kafka.submissions-topic=" + submissionsTopic(),
                "gorch.kafka.triggers-topic=triggers-" + suffix,
                "gorch.api.submissions.group-id=submissions-" + suffix);
    }

    private GorchSystem api(ConfigurableApplicationContext context) {
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        return this;
    }

    private ConfigurableApplicationContext start(String name, String... extra) {
        List<String> props = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1"));
        props.addAll(topics());
        props.addAll(List.of(
                "gorch.conductor.application-id=conductor-" + suffix,
                "gorch.conductor.state-dir=" + dataDir.resolve("conductor"),
                "gorch.api.state-dir=" + dataDir.resolve("api-" + name),
                "gorch.api.instance-id=" + name + "-" + suffix,
                "gorch.worker.group-id=" + workerGroup()));
        props.addAll(shared);
        props.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Services.class).properties(props.toArray(String[]::new)).run(kafka);
        contexts.add(context);
        return context;
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }

    /** No beans of its own: every service is an auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Services {
    }
}
