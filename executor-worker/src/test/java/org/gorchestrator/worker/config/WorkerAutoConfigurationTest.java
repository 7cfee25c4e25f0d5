package org.gorchestrator.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.gorchestrator.worker.testkit.Commands.command;
import static org.gorchestrator.worker.testkit.Commands.withOutputs;
import static org.gorchestrator.worker.testkit.EventLists.ofType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gorchestrator.kafka.GorchKafkaAutoConfiguration;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.test.KafkaBroker;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.shell.NodeSandbox;
import org.gorchestrator.worker.driver.OutputLimits;
import org.gorchestrator.worker.runtime.ReportRetry;
import org.gorchestrator.message.LogChunk;
import org.gorchestrator.worker.runtime.WorkerSettings;
import org.gorchestrator.worker.runtime.WorkerRuntime;
import org.gorchestrator.worker.testkit.KafkaFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(KafkaBroker.class)
class WorkerAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, GorchKafkaAutoConfiguration.class,
                    PolicyAutoConfiguration.class, WorkerAutoConfiguration.class))
            .withPropertyValues("spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers());

    @Test
    void bindsTheDefaults() {
        runner.run(context -> {
            WorkerSettings config = context.getBean(WorkerSettings.class);
            assertThat(config.workerId()).isEqualTo(WorkerProperties.defaultId());
            assertThat(config.groupId()).isEqualTo("gorch-workers");
            assertThat(config.concurrency()).isEqualTo(8);
            assertThat(config.defaultTimeout()).isEqualTo(Duration.ofHours(1));
            assertThat(config.killGrace()).isEqualTo(Duration.ofSeconds(5));
            assertThat(config.maxOutputBytes()).isEqualTo(1024 * 1024);
            assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
            assertThat(config.pollTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(config.consumer()).isEmpty();
            assertThat(config.logFlushInterval()).isEqualTo(Duration.ofMillis(200));
            assertThat(config.logChunkBytes()).isEqualTo(64 * 1024);
            assertThat(config.killMemory()).isEqualTo(Duration.ofMinutes(10));
            assertThat(config.startedDelay()).isEqualTo(Duration.ofMillis(20));
            assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(config.outputLimits()).isEqualTo(new OutputLimits(64 * 1024, 256 * 1024));
            assertThat(config.reportRetry())
                    .isEqualTo(new ReportRetry(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30)));
            assertThat(context.getBean(DriverRegistry.class).engines()).containsExactly("nil", "shell", "sleep");
            assertThat(context.getBean(WorkerRuntime.class).isRunning()).isTrue();
        });
    }

    @Test
    void bindsTheExecutionPolicyAndTheSandbox() {
        runner.withPropertyValues("gorch.worker.policy.engines=shell,nil", "gorch.worker.policy.shell.programs=echo,/usr/bin/*",
                "gorch.worker.policy.pass-env=TZ").run(context -> {
            DriverResult refused = context.getBean(DriverRegistry.class).run(command("wf", 2, "shell", "sh", List.of("-c", "id")),
                    RunContext.of("w1", Duration.ofSeconds(10), 4096));
            assertThat(refused.message()).contains("rule shell.programs: program 'sh' matches none of [echo, /usr/bin/*]");
            assertThat(context.getBean(DriverRegistry.class).run(command("wf", 3, "sleep", "1ms", List.of()),
                    RunContext.of("w1", Duration.ofSeconds(10), 4096)).message()).contains("rule engines:");
            assertThat(context.getBean(NodeSandbox.class)).isEqualTo(new NodeSandbox(List.of("TZ"), null, false));
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aWorkerRunningAsRootSaysWhatItRisks(CapturedOutput output) throws Exception {
        assumeThat(Files.getAttribute(Path.of("/proc/self"), "unix:uid")).as("a worker running as root").isEqualTo(0);

        runner.run(context -> assertThat(context).hasNotFailed());

        assertThat(output).contains("WARN").contains("the worker runs as root and gorch.worker.policy.run-as is not set: every node runs as root");
    }

    @Test
    void aPolicyThatCannotHoldStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("gorch.worker.policy.docker.images=registry.example.com/[a")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("docker.images"));
        runner.withPropertyValues("gorch.worker.policy.run-as=no-such-user-gorch")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("gorch.worker.policy.run-as")
                        .hasMessageContaining("no-such-user-gorch"));
    }

    @Test
    void bindsKafkaConsumerSettingsForTheWorkerOnly() {
        runner.withPropertyValues("gorch.worker.consumer.max.poll.interval.ms=600000", "gorch.worker.consumer[session.timeout.ms]=30000")
                .run(context -> assertThat(context.getBean(WorkerSettings.class).consumer())
                        .isEqualTo(Map.of("max.poll.interval.ms", "600000", "session.timeout.ms", "30000")));
    }

    @Test
    void runsNodesFromTheConfiguredTopicsAndShipsTheirOutput() {
        try (KafkaFixture kafka = KafkaFixture.withFreshTopics(2)) {
            runner.withPropertyValues(kafka.topicProperties())
                    .withPropertyValues("gorch.worker.id=ctx-worker", "gorch.worker.group-id=ctx-group", "gorch.worker.poll-timeout=200ms")
                    .run(context -> {
                        kafka.send(withOutputs(command("wf-ctx", 0, "shell", "echo", List.of("OUT=hello")), List.of("OUT")));

                        List<NodeEvent> events = kafka.awaitEvents(seen -> !ofType(seen, NodeEvent.Succeeded.class).isEmpty());

                        NodeEvent.Succeeded succeeded = ofType(events, NodeEvent.Succeeded.class).get(0);
                        assertThat(succeeded.worker()).isEqualTo("ctx-worker");
                        assertThat(succeeded.outputs()).isEqualTo(Map.of("OUT", "hello"));
                        List<LogChunk> chunks = kafka.awaitLogs(seen -> seen.size() == 2).stream().map(ConsumerRecord::value).toList();
                        assertThat(chunks).extracting(LogChunk::lines, LogChunk::last)
                                .containsExactly(tuple(List.of("OUT=hello"), false), tuple(List.of(), true));
                    });
        }
    }

    @Test
    void neverRunsACommandOfAnAbortedConductorTransaction() {
        try (KafkaFixture kafka = KafkaFixture.withFreshTopics(1)) {
            runner.withPropertyValues(kafka.topicProperties())
                    .withPropertyValues("gorch.worker.group-id=aborted-group", "gorch.worker.poll-timeout=200ms")
                    .run(context -> {
                        kafka.sendInTransaction(false, command("wf-aborted", 0, "nil", "", List.of()));
                        kafka.sendInTransaction(true, command("wf-committed", 0, "nil", "", List.of()));

                        kafka.awaitEvents(seen -> ofType(seen, NodeEvent.Succeeded.class).stream()
                                .anyMatch(s -> s.workflowId().equals("wf-committed")));

                        assertThat(kafka.eventsAfter(Duration.ofSeconds(1))).extracting(NodeEvent::workflowId)
                                .isNotEmpty().containsOnly("wf-committed");
                    });
        }
    }

    @Test
    void everyDriverBeanIsAnEngine() {
        runner.withBean("extraDriver", Driver.class, () -> new Driver() {
            @Override
            public String engine() {
                return "extra";
            }

            @Override
            public DriverResult run(NodeCommand command, RunContext context) {
                return DriverResult.succeeded("extra");
            }
        }).run(context -> assertThat(context.getBean(DriverRegistry.class).engines()).contains("extra", "shell"));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("gorch.worker.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WorkerRuntime.class).doesNotHaveBean(DriverRegistry.class));
    }

    @Test
    void rejectsBadSettingsNamingThem() {
        runner.withPropertyValues("gorch.worker.concurrency=0").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("gorch.worker").hasMessageContaining("concurrency"));
        runner.withPropertyValues("gorch.worker.max-output=1GB").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("gorch.worker.max-output must be between 1KB and 256MB, was 1073741824B"));
        runner.withPropertyValues("gorch.worker.log-chunk-size=2MB").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("gorch.worker.log-chunk-size must be between 1KB and 1MB, was 2097152B"));
        runner.withPropertyValues("gorch.worker.started-delay=2m").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("gorch.worker").hasMessageContaining("startedDelay"));
        runner.withPropertyValues("gorch.worker.commit-interval=-1ms").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("gorch.worker").hasMessageContaining("commitInterval"));
        runner.withPropertyValues("gorch.worker.max-output-value-size=512KB").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("gorch.worker.max-output-value-size (524288B) must not be over "
                        + "gorch.worker.max-outputs-size (262144B)"));
        runner.withPropertyValues("gorch.worker.max-output=64KB").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("gorch.worker.max-output-value-size (65536B) must be below gorch.worker.max-output "
                        + "(65536B): longer output lines are cut"));
        runner.withPropertyValues("gorch.worker.max-outputs-size=32MB").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("gorch.worker.max-outputs-size must be between 1KB and 16MB, was 33554432B"));
        runner.withPropertyValues("gorch.worker.report-retry-max-backoff=100ms").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("gorch.worker.report-retry-max-backoff (100ms) must not be below "
                        + "gorch.worker.report-retry-backoff (200ms)"));
    }
}
