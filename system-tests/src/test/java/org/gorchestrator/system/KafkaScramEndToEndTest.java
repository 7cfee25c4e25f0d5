package org.gorchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.State;
import org.gorchestrator.test.GorchSystem;
import org.gorchestrator.test.ScramKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API, conductor and worker each with its own SCRAM principal, on a broker that demands SCRAM and authorizes every
 * request: the ACLs are README's table (Security, Kafka); a workflow runs with them and nothing more, and they hold.
 */
class KafkaScramEndToEndTest {
    private static final Map<String, String> USERS = Map.of("gorch-api", "api-secret", "gorch-conductor", "conductor-secret",
            "gorch-worker", "worker-secret");

    @TempDir
    Path dir;

    @Test
    void aWorkflowRunsWithEachRolesOwnPrincipalAndItsAclsAndAWrongPasswordIsRefused() throws Exception {
        try (ScramKafkaBroker broker = ScramKafkaBroker.start(dir.resolve("kafka"), USERS, true)) {
            grantReadmeAcls(broker);
            Map<String, String> kafka = new HashMap<>(broker.springSettings("unused", "unused"));
            kafka.remove("spring.kafka.properties.sasl.jaas.config"); // each role's own, below
            kafka.putAll(defaultNames());
            GorchSystem system = new GorchSystem(dir.resolve("data"), kafka);
            try (Gorch gorch = new Gorch(system)) {
                system.conductor(jaas("gorch-conductor"));
                system.worker("scram-worker", jaas("gorch-worker"));
                system.api(jaas("gorch-api"));
                Graph graph = Graph.sparse("over scram", List.of(List.of(0, 1)), List.of(
                        Node.of(0, "hello", "shell", "echo", List.of("greeting=hello")).withOutput(Map.of("greeting", "")),
                        Node.of(1, "after", "nil", null, List.of())));

                Graph done = gorch.awaitFinished(gorch.submit(Json.writeString(graph)), Duration.ofSeconds(90));

                assertThat(done.state()).as("graph %s", done).isEqualTo(State.SUCCESS);
                assertThat(done.nodes().get(0).output()).containsEntry("greeting", "hello");
            }
            // The ACLs hold: a worker's principal may not submit workflows.
            try (KafkaProducer<String, String> worker = new KafkaProducer<>(broker.clientSettings("gorch-worker", USERS.get("gorch-worker")),
                    new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> worker.send(new ProducerRecord<>("gorch.workflow-commands", "wf", "{}")).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            try (Admin intruder = Admin.create(broker.clientSettings("gorch-worker", "wrong-password"))) {
                assertThatThrownBy(() -> intruder.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }

    private static String jaas(String user) {
        return "spring.kafka.properties.sasl.jaas.config=" + ScramKafkaBroker.jaas(user, USERS.get(user));
    }

    /** The default names that README's ACL table uses, in place of the test system's own. */
    private static Map<String, String> defaultNames() {
        return Map.ofEntries(
                Map.entry("gorch.kafka.workflow-commands-topic", "gorch.workflow-commands"),
                Map.entry("gorch.kafka.node-commands-topic", "gorch.node-commands"),
                Map.entry("gorch.kafka.node-events-topic", "gorch.node-events"),
                Map.entry("gorch.kafka.workflow-events-topic", "gorch.workflow-events"),
                Map.entry("gorch.kafka.workflow-state-topic", "gorch.workflow-state"),
                Map.entry("gorch.kafka.node-control-topic", "gorch.node-control"),
                Map.entry("gorch.kafka.node-logs-topic", "gorch.node-logs"),
                Map.entry("gorch.kafka.templates-topic", "gorch.templates"),
                Map.entry("gorch.kafka.schedules-topic", "gorch.schedules"),
                Map.entry("gorch.kafka.schedule-runs-topic", "gorch.schedule-runs"),
                Map.entry("gorch.kafka.submissions-topic", "gorch.submissions"),
                Map.entry("gorch.kafka.triggers-topic", "gorch.triggers"),
                Map.entry("gorch.api.submissions.group-id", "gorch-api-submissions"),
                Map.entry("gorch.api.triggers.group-id", "gorch-api-triggers"),
                Map.entry("gorch.conductor.dead-letter-topic", "gorch.dead-letters"),
                Map.entry("gorch.conductor.application-id", "gorch-conductor"),
                Map.entry("gorch.worker.group-id", "gorch-workers"));
    }

    private static void grantReadmeAcls(ScramKafkaBroker broker) throws Exception {
        List<AclBinding> acls = new ArrayList<>();
        for (String user : USERS.keySet()) {
            acls.add(allow(user, prefixed(ResourceType.TOPIC, "gorch."), AclOperation.DESCRIBE));
            acls.add(allow(user, literal(ResourceType.CLUSTER, "kafka-cluster"), AclOperation.CREATE));
        }
        for (String output : List.of("gorch.workflow-commands", "gorch.templates", "gorch.schedules", "gorch.triggers",
                "gorch.workflow-events")) {
            acls.add(allow("gorch-api", topic(output), AclOperation.WRITE));
        }
        for (String view : List.of("gorch.workflow-state", "gorch.node-logs", "gorch.workflow-events", "gorch.templates", "gorch.schedules",
                "gorch.triggers", "gorch.submissions")) {
            acls.add(allow("gorch-api", topic(view), AclOperation.READ));
        }
        acls.add(allow("gorch-api", literal(ResourceType.GROUP, "gorch-conductor"), AclOperation.DESCRIBE));
        acls.add(allow("gorch-api", literal(ResourceType.GROUP, "gorch-api-submissions"), AclOperation.READ));
        acls.add(allow("gorch-api", literal(ResourceType.GROUP, "gorch-api-triggers"), AclOperation.READ));
        acls.add(allow("gorch-api", literal(ResourceType.GROUP, "gorch-workers"), AclOperation.DESCRIBE));
        for (String input : List.of("gorch.workflow-commands", "gorch.node-events", "gorch.templates", "gorch.schedules",
                "gorch.schedule-runs")) {
            acls.add(allow("gorch-conductor", topic(input), AclOperation.READ));
        }
        for (String output : List.of("gorch.node-commands", "gorch.node-control", "gorch.workflow-events", "gorch.workflow-state",
                "gorch.workflow-commands", "gorch.schedule-runs", "gorch.dead-letters")) {
            acls.add(allow("gorch-conductor", topic(output), AclOperation.WRITE));
        }
        for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE,
                AclOperation.DESCRIBE_CONFIGS, AclOperation.DELETE)) {
            acls.add(allow("gorch-conductor", prefixed(ResourceType.TOPIC, "gorch-conductor-"), operation));
        }
        acls.add(allow("gorch-conductor", literal(ResourceType.GROUP, "gorch-conductor"), AclOperation.READ));
        acls.add(allow("gorch-conductor", prefixed(ResourceType.TRANSACTIONAL_ID, "gorch-conductor"), AclOperation.WRITE));
        acls.add(allow("gorch-conductor", prefixed(ResourceType.TRANSACTIONAL_ID, "gorch-conductor"), AclOperation.DESCRIBE));
        acls.add(allow("gorch-worker", topic("gorch.node-commands"), AclOperation.READ));
        acls.add(allow("gorch-worker", topic("gorch.node-control"), AclOperation.READ));
        acls.add(allow("gorch-worker", literal(ResourceType.GROUP, "gorch-workers"), AclOperation.READ));
        acls.add(allow("gorch-worker", topic("gorch.node-events"), AclOperation.WRITE));
        acls.add(allow("gorch-worker", topic("gorch.node-logs"), AclOperation.WRITE));
        try (Admin admin = Admin.create(broker.adminSettings())) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private static ResourcePattern topic(String name) {
        return literal(ResourceType.TOPIC, name);
    }

    private static ResourcePattern literal(ResourceType type, String name) {
        return new ResourcePattern(type, name, PatternType.LITERAL);
    }

    private static ResourcePattern prefixed(ResourceType type, String prefix) {
        return new ResourcePattern(type, prefix, PatternType.PREFIXED);
    }
}
