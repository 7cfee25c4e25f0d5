package org.gorchestrator.conductor.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.gorchestrator.conductor.topology.ConductorMetrics;
import org.gorchestrator.conductor.topology.ConductorSettings;
import org.gorchestrator.conductor.topology.ConductorTopology;
import org.gorchestrator.conductor.topology.DriverConfig;
import org.gorchestrator.kafka.JsonSerde;
import org.gorchestrator.kafka.StartTopics;
import org.gorchestrator.kafka.events.CloudEventSerde;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.kafka.tracing.RecordTracing;
import org.gorchestrator.message.WorkflowCommand;
import org.gorchestrator.message.NodeEvent;
import org.gorchestrator.message.WorkflowEvent;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.model.Submitter;
import org.gorchestrator.schedule.MissedPolicy;
import org.gorchestrator.schedule.OverlapPolicy;
import org.gorchestrator.schedule.Schedule;
import org.gorchestrator.template.InputSpec;
import org.gorchestrator.template.Template;
import org.gorchestrator.template.TemplateVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTopologyTest {
    private static final Topics TOPICS = Topics.DEFAULTS;
    private static final StartTopics START = StartTopics.DEFAULTS;
    private static final SchedulerSettings SETTINGS = new SchedulerSettings(Duration.ofSeconds(30), Duration.ofDays(1), Duration.ofMillis(200));
    /** Ticks may fire up to an hour late without counting as missed: the DST test moves the clock on in big steps. */
    private static final SchedulerSettings LENIENT = new SchedulerSettings(Duration.ofHours(1), Duration.ofDays(1), Duration.ofMillis(200));

    private Duration step = Duration.ofSeconds(5);

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private Instant wallClock;
    private TestInputTopic<String, Schedule> schedules;
    private TestInputTopic<String, NodeEvent> nodeEvents;
    private TestInputTopic<String, WorkflowCommand> submits;
    private TestOutputTopic<String, String> finishedRuns;
    private TestOutputTopic<String, WorkflowCommand> commands;

    private void start(Instant at) {
        start(at, SETTINGS);
    }

    private void start(Instant at, SchedulerSettings settings) {
        Properties config = DriverConfig.exactlyOnce("scheduler-test", stateDir.resolve(at.toString().replace(':', '-')));
        Topology topology = new ConductorTopology(TOPICS, ConductorSettings.DEFAULTS, ConductorMetrics.NONE, RecordTracing.PASS_THROUGH)
                .addTo(new Topology(), START, settings);
        wallClock = at;
        driver = new TopologyTestDriver(topology, config, at);
        schedules = driver.createInputTopic(START.schedules(), new StringSerializer(), JsonSerde.of(Schedule.class));
        nodeEvents = driver.createInputTopic(TOPICS.nodeEvents(), new StringSerializer(), JsonSerde.of(NodeEvent.class));
        submits = driver.createInputTopic(TOPICS.workflowCommands(), new StringSerializer(), JsonSerde.of(WorkflowCommand.class));
        finishedRuns = driver.createOutputTopic(START.scheduleRuns(), new StringDeserializer(), new StringDeserializer());
        commands = driver.createOutputTopic(TOPICS.workflowCommands(), new StringDeserializer(), JsonSerde.of(WorkflowCommand.class));
        Graph document = Graph.of("report", List.of(0), List.of(Node.of(0, "report", "nil", null, List.of("get_input day"))));
        driver.createInputTopic(START.templates(), new StringSerializer(), JsonSerde.of(Template.class))
                .pipeInput("report", new Template("report", false, List.of(new TemplateVersion(1, document,
                        Map.of("day", new InputSpec("monday", false)), at, null))));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static Schedule schedule(String name, String cron, String zone, OverlapPolicy overlap, MissedPolicy missed, Instant updated) {
        return new Schedule(name, "report", Map.of(), cron, zone, overlap, missed, 3, false, updated, null);
    }

    /** Moves the wall clock on in steps, as time passes for a running conductor. */
    private void advance(Duration by) {
        Instant until = wallClock.plus(by);
        while (wallClock.isBefore(until)) {
            driver.advanceWallClockTime(step);
            wallClock = wallClock.plus(step);
        }
    }

    private List<WorkflowCommand> sent() {
        List<WorkflowCommand> all = new ArrayList<>();
        commands.readValuesToList().forEach(all::add);
        return all;
    }

    private static List<String> submitted(List<WorkflowCommand> sent) {
        return sent.stream().filter(WorkflowCommand.Submit.class::isInstance).map(WorkflowCommand::workflowId).toList();
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void eachTickFiresOnceUnderItsDerivedIdWithTheTemplateFilledIn() {
        Instant t0 = at("2026-01-01T00:00:10Z");
        start(t0);
        Schedule schedule = schedule("minutely", "* * * * *", "UTC", OverlapPolicy.ALLOW, MissedPolicy.SKIP, t0);
        schedules.pipeInput("minutely", schedule);

        advance(Duration.ofMinutes(3));
        schedules.pipeInput("minutely", schedule); // a replay of the same record changes nothing
        advance(Duration.ofSeconds(30));

        List<WorkflowCommand> sent = sent();
        assertThat(submitted(sent)).containsExactly(Schedule.runId("minutely", at("2026-01-01T00:01:00Z")),
                Schedule.runId("minutely", at("2026-01-01T00:02:00Z")), Schedule.runId("minutely", at("2026-01-01T00:03:00Z")));
        WorkflowCommand.Submit first = (WorkflowCommand.Submit) sent.get(0);
        assertThat(first.graph().id()).isEqualTo(first.workflowId());
        assertThat(first.graph().nodes().get(0).args()).containsExactly("monday");
        assertThat(first.graph().template().schedule()).isEqualTo("minutely");
    }

    @Test
    void theRunsOfAnOwnedScheduleAreSubmittedForItsOwnerAndThoseOfAnUnownedOneForNobody() {
        Instant t0 = at("2026-01-01T00:00:10Z");
        start(t0);
        Schedule unowned = schedule("unowned", "* * * * *", "UTC", OverlapPolicy.ALLOW, MissedPolicy.SKIP, t0);
        Schedule owned = new Schedule("owned", "report", Map.of(), "* * * * *", "UTC", OverlapPolicy.ALLOW, MissedPolicy.SKIP, 3, false,
                t0, "alice");
        schedules.pipeInput("unowned", unowned);
        schedules.pipeInput("owned", owned);

        advance(Duration.ofMinutes(1));

        List<WorkflowCommand.Submit> submits = sent().stream().filter(WorkflowCommand.Submit.class::isInstance)
                .map(WorkflowCommand.Submit.class::cast).toList();
        assertThat(submits).hasSize(2);
        assertThat(submits).filteredOn(s -> s.graph().template().schedule().equals("owned"))
                .singleElement().satisfies(s -> assertThat(s.graph().submitter()).isEqualTo(new Submitter("alice", null)));
        assertThat(submits).filteredOn(s -> s.graph().template().schedule().equals("unowned"))
                .singleElement().satisfies(s -> assertThat(s.graph().submitter()).isNull());
    }

    @Test
    void missedTicksFollowTheirPolicy() {
        Instant now = at("2026-01-01T00:10:00Z");
        start(now);
        Instant tenMinutesAgo = now.minus(Duration.ofMinutes(10)).plusSeconds(1);
        schedules.pipeInput("skip", schedule("skip", "* * * * *", "UTC", OverlapPolicy.ALLOW, MissedPolicy.SKIP, tenMinutesAgo));
        schedules.pipeInput("once", schedule("once", "* * * * *", "UTC", OverlapPolicy.ALLOW, MissedPolicy.RUN_ONCE, tenMinutesAgo));
        schedules.pipeInput("all", schedule("all", "* * * * *", "UTC", OverlapPolicy.ALLOW, MissedPolicy.RUN_ALL, tenMinutesAgo));

        advance(Duration.ofSeconds(5));

        List<String> ids = submitted(sent());
        assertThat(ids).filteredOn(id -> id.equals(Schedule.runId("skip", now))).hasSize(1);
        assertThat(ids).containsExactlyInAnyOrder(
                Schedule.runId("skip", now),
                Schedule.runId("once", now.minusSeconds(60)), Schedule.runId("once", now),
                Schedule.runId("all", now.minusSeconds(180)), Schedule.runId("all", now.minusSeconds(120)),
                Schedule.runId("all", now.minusSeconds(60)), Schedule.runId("all", now));
    }

    @Test
    void skipWaitsForTheRunningOneAndCancelPreviousCancelsIt() {
        Instant t0 = at("2026-01-01T00:00:10Z");
        start(t0);
        schedules.pipeInput("skip", schedule("skip", "* * * * *", "UTC", OverlapPolicy.SKIP, MissedPolicy.SKIP, t0));
        schedules.pipeInput("cancel", schedule("cancel", "* * * * *", "UTC", OverlapPolicy.CANCEL_PREVIOUS, MissedPolicy.SKIP, t0));
        advance(Duration.ofMinutes(1));
        List<WorkflowCommand> first = sent();
        String skipFirst = Schedule.runId("skip", at("2026-01-01T00:01:00Z"));
        String cancelFirst = Schedule.runId("cancel", at("2026-01-01T00:01:00Z"));
        assertThat(submitted(first)).containsExactlyInAnyOrder(skipFirst, cancelFirst);

        advance(Duration.ofMinutes(1));
        List<WorkflowCommand> second = sent();
        assertThat(submitted(second)).as("skip: its first run still runs").containsExactly(Schedule.runId("cancel", at("2026-01-01T00:02:00Z")));
        assertThat(second).filteredOn(WorkflowCommand.Cancel.class::isInstance).extracting(WorkflowCommand::workflowId).containsExactly(cancelFirst);

        // The submits went to the engine in the same topology; its one node succeeds, as a worker would report it.
        runNodeOf(skipFirst);
        assertThat(finishedRuns.readKeyValuesToList()).as("the engine tells the scheduler of the canceled run and of the finished one")
                .containsExactly(KeyValue.pair("cancel", cancelFirst), KeyValue.pair("skip", skipFirst));
        advance(Duration.ofMinutes(1));
        assertThat(submitted(sent())).contains(Schedule.runId("skip", at("2026-01-01T00:03:00Z")));
    }

    @Test
    void aRunNoScheduleStartedIsNotReportedToTheScheduler() {
        Instant t0 = at("2026-01-01T00:00:10Z");
        start(t0);
        Graph document = Graph.of("by-hand", List.of(0), List.of(Node.of(0, "one", "nil", null, List.of())));
        submits.pipeInput("by-hand", new WorkflowCommand.Submit("by-hand", document.withId("by-hand"), t0));
        runNodeOf("by-hand");
        List<WorkflowEvent> events = driver.createOutputTopic(TOPICS.workflowEvents(), new StringDeserializer(), new CloudEventSerde())
                .readValuesToList();
        assertThat(events).as("it ran and finished").contains(new WorkflowEvent.WorkflowChanged("by-hand", State.SUCCESS, wallClock));
        assertThat(finishedRuns.isEmpty()).isTrue();
    }

    /** Reports the first attempt of node 0 of {@code workflowId} started and succeeded. */
    private void runNodeOf(String workflowId) {
        nodeEvents.pipeInput(workflowId, new NodeEvent.Started(workflowId, 0, 1, "w1", wallClock));
        nodeEvents.pipeInput(workflowId, new NodeEvent.Succeeded(workflowId, 0, 1, "w1", 0, Map.of(), wallClock, wallClock));
    }

    @Test
    void parisAutumnFiresEachRepeatedLocalTimeOnceAndSpringSkipsTheMissingOne() {
        step = Duration.ofMinutes(20);
        Instant autumn = at("2026-10-25T00:00:05Z"); // 02:00:05 CEST, an hour before clocks go back
        start(autumn, LENIENT);
        schedules.pipeInput("daily", schedule("daily", "30 2 * * *", "Europe/Paris", OverlapPolicy.ALLOW, MissedPolicy.SKIP, autumn));
        schedules.pipeInput("hourly", schedule("hourly", "0 * * * *", "Europe/Paris", OverlapPolicy.ALLOW, MissedPolicy.SKIP, autumn));
        advance(Duration.ofHours(3));
        assertThat(submitted(sent())).as("02:30 and 02:00 CET repeat the same local times in CEST").containsExactly(
                Schedule.runId("daily", at("2026-10-25T00:30:00Z")),
                Schedule.runId("hourly", at("2026-10-25T02:00:00Z")), Schedule.runId("hourly", at("2026-10-25T03:00:00Z")));
        driver.close();

        Instant spring = at("2026-03-29T00:00:05Z"); // 01:00:05 CET, an hour before clocks go forward
        start(spring, LENIENT);
        schedules.pipeInput("daily", schedule("daily", "30 2 * * *", "Europe/Paris", OverlapPolicy.ALLOW, MissedPolicy.SKIP, spring));
        schedules.pipeInput("hourly", schedule("hourly", "0 * * * *", "Europe/Paris", OverlapPolicy.ALLOW, MissedPolicy.SKIP, spring));
        advance(Duration.ofHours(2));
        assertThat(submitted(sent())).containsExactly(Schedule.runId("hourly", at("2026-03-29T01:00:00Z")),
                Schedule.runId("hourly", at("2026-03-29T02:00:00Z")));
    }
}
