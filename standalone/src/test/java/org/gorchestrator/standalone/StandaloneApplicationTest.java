package org.gorchestrator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.gorchestrator.api.submissions.SubmissionProperties;
import org.gorchestrator.api.triggers.TriggerProperties;
import org.gorchestrator.conductor.config.ConductorProperties;
import org.gorchestrator.worker.config.WorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class StandaloneApplicationTest {
    private static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

    @TempDir
    Path dataDir;

    @Test
    void runsOnAnEmbeddedBrokerThatStopsWithTheContext() throws Exception {
        String bootstrapServers;
        try (ConfigurableApplicationContext context = StandaloneApplication.run(
                "--server.port=0", "--gorch.standalone.kafka-port=0", "--gorch.standalone.data-dir=" + dataDir)) {
            Environment environment = context.getEnvironment();
            bootstrapServers = environment.getProperty(BOOTSTRAP_SERVERS);
            assertThat(clusterId(bootstrapServers)).isNotBlank();
            assertThat(dataDir.resolve("kafka/meta.properties")).isRegularFile();
            assertThat(environment.getProperty("spring.kafka.streams.state-dir")).isEqualTo(dataDir + "/streams");
            assertThat(partitions(bootstrapServers, "gorch.node-events")).isEqualTo(1);
            assertThat(partitions(bootstrapServers, "gorch.node-commands")).isEqualTo(2);
            assertThat(context.getBean(ConductorProperties.class).commitInterval()).isEqualTo(Duration.ofMillis(5));
            assertThat(context.getBean(ConductorProperties.class).instanceId()).isEqualTo("gorch-standalone");
            assertThat(context.getBean(WorkerProperties.class).consumer()).containsEntry("group.instance.id", "gorch-standalone-worker");
            assertThat(context.getBean(SubmissionProperties.class).instanceId()).isEqualTo("gorch-standalone");
            assertThat(context.getBean(TriggerProperties.class).instanceId()).isEqualTo("gorch-standalone");
        }
        assertThatThrownBy(() -> connect(bootstrapServers)).isInstanceOf(IOException.class);
    }

    @Test
    void theUsersSettingsWinOverTheOneProcessDefaults() throws Exception {
        try (ConfigurableApplicationContext context = StandaloneApplication.run(
                "--server.port=0", "--gorch.standalone.kafka-port=0", "--gorch.standalone.data-dir=" + dataDir,
                "--gorch.kafka.partitions=3", "--gorch.conductor.commit-interval=40ms")) {
            String bootstrapServers = context.getEnvironment().getProperty(BOOTSTRAP_SERVERS);
            assertThat(partitions(bootstrapServers, "gorch.node-events")).isEqualTo(3);
            assertThat(partitions(bootstrapServers, "gorch.node-commands")).isEqualTo(2);
            assertThat(context.getBean(ConductorProperties.class).commitInterval()).isEqualTo(Duration.ofMillis(40));
        }
    }

    @Test
    void startsNoBrokerWhenGivenOne() throws Exception {
        try (EmbeddedKafka given = EmbeddedKafka.start(dataDir.resolve("given"), 0, Map.of());
                ConfigurableApplicationContext context = StandaloneApplication.run(
                        "--server.port=0", "--gorch.standalone.data-dir=" + dataDir, "--" + BOOTSTRAP_SERVERS + "=" + given.bootstrapServers())) {
            assertThat(context.getEnvironment().getProperty(BOOTSTRAP_SERVERS)).isEqualTo(given.bootstrapServers());
            assertThat(dataDir.resolve("kafka")).doesNotExist();
        }
    }

    /**
     * Kafka Streams stays in its group when it closes: a restart then waits for the old member's session to end
     * before it gets any partition. A static member (gorch.conductor.instance-id) is removed as it stops.
     */
    @Test
    void aStoppedConductorLeavesItsGroupOnlyAsAStaticMember() throws Exception {
        try (EmbeddedKafka given = EmbeddedKafka.start(dataDir.resolve("given"), 0, Map.of())) {
            runConductorUntilItHasPartitions(given, "dynamic", "--gorch.conductor.application-id=gorch-conductor-dynamic");
            runConductorUntilItHasPartitions(given, "static", "--gorch.conductor.application-id=gorch-conductor-static",
                    "--gorch.conductor.instance-id=conductor-a");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, given.bootstrapServers()))) {
                Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                        List.of("gorch-conductor-dynamic", "gorch-conductor-static")).all().get();
                assertThat(groups.get("gorch-conductor-dynamic").members()).as("a dynamic member stays until its session ends")
                        .hasSize(1);
                assertThat(groups.get("gorch-conductor-static").members()).isEmpty();
            }
        }
    }

    private void runConductorUntilItHasPartitions(EmbeddedKafka broker, String name, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--gorch.api.enabled=false", "--gorch.worker.enabled=false",
                "--gorch.standalone.data-dir=" + dataDir.resolve(name), "--" + BOOTSTRAP_SERVERS + "=" + broker.bootstrapServers()));
        args.addAll(List.of(settings));
        try (ConfigurableApplicationContext context = StandaloneApplication.run(args.toArray(String[]::new))) {
            StreamsBuilderFactoryBean streams = context.getBean("&conductorStreams", StreamsBuilderFactoryBean.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
        }
    }

    /** The broker starts beside the context: its failure must still fail the start, saying why, and stop everything. */
    @Test
    void failsToStartWhenTheBrokerCannotListen() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> StandaloneApplication.run("--server.port=0", "--gorch.standalone.kafka-port=" + busy.getLocalPort(),
                    "--gorch.standalone.data-dir=" + dataDir))
                    .hasStackTraceContaining("The embedded Kafka broker failed to start on 127.0.0.1:" + busy.getLocalPort());
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("quorum-controller-") || name.contains("raft-io-thread"));
    }

    private static String clusterId(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static int partitions(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static void connect(String hostAndPort) throws IOException {
        String[] parts = hostAndPort.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
        }
    }
}
