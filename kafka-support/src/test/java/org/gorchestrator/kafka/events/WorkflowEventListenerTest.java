package org.gorchestrator.kafka.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.State;
import org.gorchestrator.test.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBroker.class)
class WorkflowEventListenerTest {
    private static final Instant AT = Instant.parse("2026-05-01T11:00:00Z");
    private final String topic = "events-" + UUID.randomUUID();
    private final String group = "listener-" + UUID.randomUUID();

    /** What a handler saw, in the order it saw it. */
    static class Recorder implements WorkflowEventListener.Handler {
        final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
        final List<Graph> finished = new CopyOnWriteArrayList<>();

        @Override
        public void onSubmitted(WorkflowEvent.Submitted event) {
            events.add(event);
        }

        @Override
        public void onNodeChanged(WorkflowEvent.NodeChanged event) {
            events.add(event);
        }

        @Override
        public void onWorkflowChanged(WorkflowEvent.WorkflowChanged event) {
            events.add(event);
        }

        @Override
        public void onFinished(WorkflowEvent.WorkflowChanged event, Graph graph) {
            finished.add(graph);
        }

        List<WorkflowEvent> of(String workflowId) {
            return events.stream().filter(e -> e.workflowId().equals(workflowId)).toList();
        }
    }

    @Test
    void handlesCommittedEventsTypedInOrderPerWorkflowSkipsMalformedOnesAndCommitsWhatItHandled() throws Exception {
        createTopic();
        List<WorkflowEvent> everyType = EveryEventType.run().events;
        List<WorkflowEvent> short_ = shortWorkflow("0196a1b2-0000-7000-8000-00000000000b");
        int half = everyType.size() / 2;
        send(interleave(everyType.subList(0, half), short_));
        KafkaBroker.sendInTransaction(true, new ByteArraySerializer(),
                List.of(new ProducerRecord<>(topic, EveryEventType.ID, "{not a cloud event".getBytes(StandardCharsets.UTF_8))));
        KafkaBroker.sendInTransaction(false, new CloudEventSerde(), records(shortWorkflow("aborted")));
        send(everyType.subList(half, everyType.size()));

        Recorder first = new Recorder();
        WorkflowEventListener listener = listen(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.events.size() == everyType.size() + short_.size());
        assertTimeoutPreemptively(Duration.ofSeconds(10), listener::close);

        assertThat(first.of(EveryEventType.ID)).isEqualTo(everyType);
        assertThat(first.of(short_.get(0).workflowId())).isEqualTo(short_);
        assertThat(first.of("aborted")).isEmpty();
        assertThat(first.finished).extracting(Graph::state).containsExactlyInAnyOrder(State.SUCCESS, State.FAILURE, State.CANCELED);
        assertThat(first.finished).contains(WorkflowReplay.of(everyType), WorkflowReplay.of(short_));

        List<WorkflowEvent> later = shortWorkflow("0196a1b2-0000-7000-8000-00000000000c");
        send(later);
        Recorder second = new Recorder();
        WorkflowEventListener next = listen(second);
        await().atMost(Duration.ofSeconds(30)).until(() -> second.events.size() >= later.size());
        assertTimeoutPreemptively(Duration.ofSeconds(10), next::close);
        assertThat(second.events).isEqualTo(later);
    }

    @Test
    void anEventWhoseHandlerThrewIsHandledAgainAndNothingAfterItIsLost() throws Exception {
        createTopic();
        List<WorkflowEvent> events = shortWorkflow("0196a1b2-0000-7000-8000-00000000000d");
        send(events);
        AtomicInteger calls = new AtomicInteger();
        Recorder recorder = new Recorder() {
            @Override
            public void onWorkflowChanged(WorkflowEvent.WorkflowChanged event) {
                if (event.state() == State.RUNNING && calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("the database is down");
                }
                super.onWorkflowChanged(event);
            }
        };
        WorkflowEventListener listener = listen(recorder);
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.events.size() == events.size());
        assertTimeoutPreemptively(Duration.ofSeconds(10), listener::close);

        assertThat(recorder.events).isEqualTo(events);
        assertThat(calls).hasValue(2);
    }

    private WorkflowEventListener listen(Recorder recorder) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new WorkflowEventListener(properties, topic, 100, recorder).start();
    }

    private static List<WorkflowEvent> shortWorkflow(String id) {
        return List.of(
                new WorkflowEvent.Submitted(id, EveryEventType.graph().withId(id), AT),
                new WorkflowEvent.WorkflowChanged(id, State.RUNNING, AT.plusSeconds(1)),
                new WorkflowEvent.WorkflowChanged(id, State.SUCCESS, AT.plusSeconds(2)));
    }

    private static List<WorkflowEvent> interleave(List<WorkflowEvent> a, List<WorkflowEvent> b) {
        List<WorkflowEvent> all = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                all.add(a.get(i));
            }
            if (i < b.size()) {
                all.add(b.get(i));
            }
        }
        return all;
    }

    private void send(List<WorkflowEvent> events) {
        KafkaBroker.sendInTransaction(true, new CloudEventSerde(), records(events));
    }

    private List<ProducerRecord<String, WorkflowEvent>> records(List<WorkflowEvent> events) {
        return events.stream().map(e -> new ProducerRecord<>(topic, e.workflowId(), e)).toList();
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
    }
}
