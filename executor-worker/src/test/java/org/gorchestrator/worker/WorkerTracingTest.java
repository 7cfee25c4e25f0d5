package org.gorchestrator.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.worker.testkit.Commands.command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gorchestrator.kafka.tracing.TraceHeaders;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.test.KafkaBroker;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverResult;
import org.gorchestrator.worker.driver.RunContext;
import org.gorchestrator.worker.testkit.KafkaFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A worker as it runs in production (Spring Boot's OpenTelemetry tracing) continues each command's trace in its attempt. */
@ExtendWith(KafkaBroker.class)
class WorkerTracingTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CONDUCTOR_SPAN = "b7ad6b7169203331";

    @Test
    void theAttemptIsASpanOfTheCommandsTraceInItsLogLinesAndItsEvents() {
        MdcProbe probe = new MdcProbe();
        try (KafkaFixture kafka = KafkaFixture.withFreshTopics(2); ConfigurableApplicationContext worker = start(kafka, probe)) {
            kafka.sendTraced(command("wf-traced", 0, "probe", null, List.of()), "00-" + TRACE + "-" + CONDUCTOR_SPAN + "-01");

            List<ConsumerRecord<String, NodeEvent>> events = kafka.awaitEventRecords(seen -> seen.size() == 2);

            List<String> contexts = events.stream().map(r -> TraceHeaders.traceparent(r.headers())).toList();
            assertThat(events).extracting(r -> r.value().getClass().getSimpleName()).containsExactly("Started", "Succeeded");
            assertThat(contexts).allSatisfy(context -> assertThat(TraceHeaders.traceId(context)).isEqualTo(TRACE))
                    .as("both from the attempt's own span").containsOnly(contexts.get(0))
                    .doesNotContain("00-" + TRACE + "-" + CONDUCTOR_SPAN + "-01");
            assertThat(probe.seen).containsEntry("traceId", TRACE).containsEntry("workflowId", "wf-traced")
                    .containsEntry("spanId", contexts.get(0).substring(36, 52));
        }
    }

    private static ConfigurableApplicationContext start(KafkaFixture kafka, Driver probe) {
        return new SpringApplicationBuilder(WorkerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("probeDriver", probe))
                .properties("spring.main.web-application-type=none", "spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                        "gorch.worker.id=traced-worker", "gorch.worker.group-id=traced-" + kafka.topics().nodeCommands(),
                        // the probe ends at once: without this its start would not be reported, and both events carry the trace
                        "gorch.worker.poll-timeout=200ms", "gorch.worker.started-delay=0")
                .properties(kafka.topicProperties())
                .run();
    }

    /** Engine {@code probe}: remembers the MDC its node ran with, which every log line of the attempt carries. */
    private static final class MdcProbe implements Driver {
        private final Map<String, String> seen = new ConcurrentHashMap<>();

        @Override
        public String engine() {
            return "probe";
        }

        @Override
        public DriverResult run(NodeCommand command, RunContext context) {
            seen.putAll(MDC.getCopyOfContextMap());
            return DriverResult.succeeded("probed");
        }
    }
}
