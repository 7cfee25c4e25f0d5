package org.gorchestrator.deploy;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gorchestrator.deploy.Manifests.containers;
import static org.gorchestrator.deploy.Manifests.pod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.gorchestrator.kafka.Topics;
import org.gorchestrator.worker.config.WorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay of deploy/kubernetes, rendered by {@code kubectl kustomize} as {@code kubectl apply -k}
 * would render it, and the objects checked against what Gorchestrator needs: the settings they give
 * bound as the processes bind them.
 */
class KubernetesManifestsTest {
    private static final String NAMESPACE = "gorchestrator";
    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
    private static final PropertyNames PROPERTIES = PropertyNames.load();
    /** Read by the image's entrypoint, not by Spring. */
    private static final Set<String> ENTRYPOINT_VARIABLES = Set.of("JAVA_OPTS");
    /** Metaspace, code cache, thread stacks and buffers of a worker's JVM, outside its heap. */
    private static final long JVM_OUTSIDE_HEAP = 256L << 20;
    /** The least memory each running node's processes should have. */
    private static final long MEMORY_PER_NODE = 128L << 20;

    /** The overlays, and the HPA component on the base (for clusters without KEDA). */
    static Stream<String> overlays() {
        return Stream.of("overlays/dev", "overlays/production", "hpa (overlays/dev with components/hpa for components/keda)");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theNamespaceComesFirstAndHoldsEverythingElse(String overlay) throws Exception {
        List<Tree> objects = render(overlay).objects();

        assertThat(objects.get(0).get("kind").text()).isEqualTo("Namespace");
        assertThat(objects.get(0).get("metadata", "name").text()).isEqualTo(NAMESPACE);
        assertThat(objects.subList(1, objects.size()))
                .allSatisfy(object -> assertThat(object.get("metadata", "namespace").text()).as(name(object)).isEqualTo(NAMESPACE));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRoleIsProbedOnItsOwnManagementPort(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        assertThat(manifests.gorchestrator()).extracting(Manifests::component).containsExactlyInAnyOrder("api", "conductor", "worker");
        for (Tree workload : manifests.gorchestrator()) {
            Tree container = containers(workload).get(0);
            Settings settings = manifests.settings(container);
            assertThat(port(container, "management")).as(name(workload)).isEqualTo(settings.managementPort())
                    .isNotEqualTo(settings.binder().bind("server.port", Integer.class).orElse(8080));
            assertProbe(container, "startupProbe", "/actuator/health/liveness");
            assertProbe(container, "livenessProbe", "/actuator/health/liveness");
            assertProbe(container, "readinessProbe", "/actuator/health/readiness");
            Tree startup = container.get("startupProbe");
            // a JVM's start, topic checks and the view's first restore on a busy node
            assertThat(startup.get("periodSeconds").integer() * startup.get("failureThreshold").integer()).as(name(workload))
                    .isGreaterThanOrEqualTo(120);
        }
        for (Tree workload : manifests.workloads()) {
            assertThat(containers(workload)).allSatisfy(container -> assertThat(container.get("startupProbe").exists()
                    && container.get("livenessProbe").exists() && container.get("readinessProbe").exists()).as(name(workload)).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasResourcesAndRunsRestricted(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        for (Tree workload : manifests.workloads()) {
            Tree pod = pod(workload);
            assertThat(pod.get("securityContext", "runAsNonRoot").value()).as(name(workload)).isEqualTo(true);
            assertThat(pod.get("securityContext", "seccompProfile", "type").text()).as(name(workload)).isEqualTo("RuntimeDefault");
            assertThat(pod.get("automountServiceAccountToken").value()).as(name(workload)).isEqualTo(false);
            for (Tree container : containers(workload)) {
                Tree resources = container.get("resources");
                assertThat(resources.get("requests", "cpu").exists()).as(name(workload) + " cpu request").isTrue();
                // memory requested as limited: a pod is never killed for memory it was promised
                assertThat(resources.get("limits", "memory").text()).as(name(workload) + " memory")
                        .isNotNull().isEqualTo(resources.get("requests", "memory").text());
                Tree security = container.get("securityContext");
                assertThat(security.get("allowPrivilegeEscalation").value()).as(name(workload)).isEqualTo(false);
                assertThat(security.get("capabilities", "drop").list()).extracting(Tree::text).as(name(workload)).contains("ALL");
            }
        }
        for (Tree workload : manifests.gorchestrator()) {
            Tree container = containers(workload).get(0);
            assertThat(container.get("securityContext", "readOnlyRootFilesystem").value()).as(name(workload)).isEqualTo(true);
            // the JVM's and the nodes' temporary files
            assertThat(container.get("volumeMounts").list()).extracting(mount -> mount.get("mountPath").text()).as(name(workload))
                    .contains("/tmp");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theWorkersHeapLeavesRoomForItsNodes(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        Tree container = containers(manifests.gorchestrator("worker")).get(0);
        Map<String, String> environment = manifests.environment(container);
        long limit = Workloads.bytes(container.get("resources", "limits", "memory").text());
        long heap = (long) (limit * Workloads.heapPercent(environment.get("JAVA_OPTS")) / 100);
        int concurrency = manifests.settings(container).worker().concurrency();

        assertThat((limit - heap - JVM_OUTSIDE_HEAP) / concurrency).as("memory for each of %d nodes", concurrency)
                .isGreaterThanOrEqualTo(MEMORY_PER_NODE);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableSetsARealProperty(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        for (Tree workload : manifests.gorchestrator()) {
            Map<String, String> environment = manifests.environment(containers(workload).get(0));
            Set<String> expanded = Workloads.referenced(environment);
            assertThat(environment.keySet())
                    .filteredOn(name -> !ENTRYPOINT_VARIABLES.contains(name) && !expanded.contains(name))
                    .as("%s: variables that set no Gorchestrator or Spring Boot property", name(workload))
                    .allMatch(PROPERTIES::isProperty, "a real property");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aStoppingWorkerHasTimeToFinishOrHandBackItsNodes(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        Tree worker = manifests.gorchestrator("worker");
        Tree container = containers(worker).get(0);
        WorkerProperties settings = manifests.settings(container).worker();
        Duration needed = Workloads.preStop(container).plus(Workloads.workerStop(settings));

        assertThat(Duration.ofSeconds(pod(worker).get("terminationGracePeriodSeconds").integer()))
                .as("terminationGracePeriodSeconds against preStop + shutdown-grace + 4 x kill-grace + 1 s").isGreaterThanOrEqualTo(needed);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void workersAreScaledByOneAutoscalerOnTheirOwnGroupAndTopics(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        Tree worker = manifests.gorchestrator("worker");
        String name = worker.get("metadata", "name").text();
        List<Tree> scaledObjects = targeting(manifests.ofKind("ScaledObject"), name);
        List<Tree> autoscalers = targeting(manifests.ofKind("HorizontalPodAutoscaler"), name);
        assertThat(scaledObjects.size() + autoscalers.size()).as("autoscalers of " + name).isEqualTo(1);

        Settings settings = manifests.settings(containers(worker).get(0));
        scaledObjects.forEach(scaled -> assertKedaFollows(scaled, settings));
        autoscalers.forEach(autoscaler -> assertHpaFollows(autoscaler, settings));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRoleHasADisruptionBudget(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        for (Tree workload : manifests.gorchestrator()) {
            Map<String, Tree> labels = pod(workload).exists() ? workload.get("spec", "template", "metadata", "labels").map() : Map.of();
            assertThat(manifests.ofKind("PodDisruptionBudget")).as(name(workload))
                    .anySatisfy(budget -> assertThat(texts(labels)).containsAllEntriesOf(texts(budget.get("spec", "selector", "matchLabels").map())));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheApiTakesTrafficAndEveryRoleTalksOnlyToKafkaAndTheApiToItsIssuer(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        List<Tree> policies = manifests.ofKind("NetworkPolicy");
        for (Tree workload : manifests.gorchestrator()) {
            Map<String, String> labels = texts(workload.get("spec", "template", "metadata", "labels").map());
            List<Tree> selecting = policies.stream()
                    .filter(policy -> labels.entrySet().containsAll(texts(policy.get("spec", "podSelector", "matchLabels").map()).entrySet()))
                    .toList();
            assertThat(selecting).as(name(workload) + ": a policy that denies all").anySatisfy(policy -> {
                assertThat(policy.get("spec", "policyTypes").list()).extracting(Tree::text).contains("Ingress", "Egress");
                assertThat(policy.get("spec", "ingress").exists() || policy.get("spec", "egress").exists()).isFalse();
            });
            Set<String> ingress = ports(selecting, "ingress");
            assertThat(ingress).as(name(workload) + " ingress")
                    .isEqualTo("api".equals(Manifests.component(workload)) ? Set.of("http", "management") : Set.of("management"));
            String kafkaPort = kafkaPort(manifests.settings(containers(workload).get(0)).bootstrapServers());
            // the API also reads its token issuer's keys, over HTTPS
            assertThat(ports(selecting, "egress")).as(name(workload) + " egress")
                    .isEqualTo("api".equals(Manifests.component(workload)) ? Set.of("53", kafkaPort, "443") : Set.of("53", kafkaPort));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConductorKeepsItsStateOnItsOwnVolume(String overlay) throws Exception {
        Manifests manifests = render(overlay);
        Tree conductor = manifests.gorchestrator("conductor");
        assertThat(conductor.get("kind").text()).isEqualTo("StatefulSet");
        String stateDir = manifests.settings(containers(conductor).get(0)).binder().bind("gorch.conductor.state-dir", String.class)
                .orElseThrow(() -> new AssertionError("no gorch.conductor.state-dir"));
        Set<String> claims = conductor.get("spec", "volumeClaimTemplates").list().stream().map(claim -> claim.get("metadata", "name").text())
                .collect(toSet());

        assertThat(containers(conductor).get(0).get("volumeMounts").list())
                .anySatisfy(mount -> {
                    assertThat(claims).contains(mount.get("name").text());
                    assertThat(Path.of(stateDir).startsWith(mount.get("mountPath").text())).as(stateDir + " on the claim").isTrue();
                });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theObjectsMatchTheirOpenApiSchemas(String overlay) throws Exception {
        assertThat(SchemaCheck.problems("kubernetes", rendered(overlay))).isEmpty();
    }

    @Test
    void productionUsesAnExternalKafkaOverSaslSslWithThreeReplicas() throws Exception {
        Manifests manifests = render("overlays/production");
        assertThat(manifests.ofKind("StatefulSet")).extracting(statefulSet -> statefulSet.get("metadata", "name").text())
                .containsExactly("gorch-conductor");
        Settings settings = manifests.settings(containers(manifests.gorchestrator("api")).get(0));
        assertThat(settings.binder().bind("spring.kafka.security.protocol", String.class).get()).isEqualTo("SASL_SSL");
        assertThat(settings.topics().toTopics().replicationFactor()).isEqualTo((short) 3);
        assertThat(manifests.gorchestrator("api").get("spec", "replicas").integer()).isEqualTo(3);
        assertThat(manifests.gorchestrator("conductor").get("spec", "replicas").integer()).isEqualTo(3);
        Tree trigger = manifests.named("ScaledObject", "gorch-worker").get("spec", "triggers").list().get(0);
        assertThat(trigger.get("metadata", "tls").text()).isEqualTo("enable");
        manifests.named("TriggerAuthentication", trigger.get("authenticationRef", "name").text());
        assertThat(manifests.ofKind("ServiceMonitor")).isNotEmpty();
    }

    @Test
    void devRunsItsOwnBrokerWhereTheServicesLookForIt() throws Exception {
        Manifests manifests = render("overlays/dev");
        String bootstrap = manifests.settings(containers(manifests.gorchestrator("worker")).get(0)).bootstrapServers();
        Tree service = manifests.named("Service", bootstrap.substring(0, bootstrap.indexOf(':')));

        assertThat(service.get("spec", "ports").list()).extracting(port -> port.get("port").text()).contains(kafkaPort(bootstrap));
        assertThat(containers(manifests.named("StatefulSet", "kafka")).get(0).get("image").text()).startsWith("apache/kafka:");
    }

    private static void assertKedaFollows(Tree scaled, Settings settings) {
        WorkerProperties worker = settings.worker();
        Topics topics = settings.topics().toTopics();
        List<Tree> triggers = scaled.get("spec", "triggers").list();
        assertThat(triggers).isNotEmpty().allSatisfy(trigger -> {
            Tree metadata = trigger.get("metadata");
            assertThat(trigger.get("type").text()).isEqualTo("kafka");
            assertThat(metadata.get("consumerGroup").text()).isEqualTo(worker.groupId());
            assertThat(metadata.get("bootstrapServers").text()).isEqualTo(settings.bootstrapServers());
            // one worker's worth of commands waiting or running
            assertThat(metadata.get("lagThreshold").text()).isEqualTo(String.valueOf(worker.concurrency()));
            // as the workers' consumer starts a new group
            assertThat(metadata.get("offsetResetPolicy").text()).isEqualTo("earliest");
        });
        assertThat(triggers.stream().map(trigger -> trigger.get("metadata", "topic").text()).collect(toSet()))
                .as("a trigger for each topic the workers read").isEqualTo(worker.pools().stream().map(topics::nodeCommandsOfPool).collect(toSet()));
        Tree spec = scaled.get("spec");
        assertReplicas(spec.get("minReplicaCount").integer(), spec.get("maxReplicaCount").integer(), topics);
        long stop = Workloads.workerStop(worker).toSeconds();
        assertThat(spec.get("cooldownPeriod").integer()).isGreaterThanOrEqualTo((int) stop);
        assertThat(spec.get("advanced", "horizontalPodAutoscalerConfig", "behavior", "scaleDown", "stabilizationWindowSeconds").integer())
                .isGreaterThanOrEqualTo((int) stop);
    }

    private static void assertHpaFollows(Tree autoscaler, Settings settings) {
        WorkerProperties worker = settings.worker();
        Tree spec = autoscaler.get("spec");
        Tree metric = spec.get("metrics").list().get(0).get("pods");
        assertThat(metric.get("metric", "name").text()).isEqualTo("gorch_worker_nodes_busy");
        assertThat(Double.parseDouble(metric.get("target", "averageValue").text())).isPositive().isLessThanOrEqualTo(worker.concurrency());
        assertReplicas(spec.get("minReplicas").integer(), spec.get("maxReplicas").integer(), settings.topics().toTopics());
        assertThat(spec.get("behavior", "scaleDown", "stabilizationWindowSeconds").integer())
                .isGreaterThanOrEqualTo((int) Workloads.workerStop(worker).toSeconds());
    }

    /** More workers than node-command partitions would sit idle. */
    private static void assertReplicas(int min, int max, Topics topics) {
        assertThat(min).isPositive().isLessThanOrEqualTo(max);
        assertThat(max).as("workers at most the node-command partitions").isLessThanOrEqualTo(topics.nodeCommandPartitions());
    }

    private static void assertProbe(Tree container, String probe, String path) {
        Tree get = container.get(probe, "httpGet");
        assertThat(get.get("path").text()).as(probe).isEqualTo(path);
        assertThat(get.get("port").text()).as(probe).isEqualTo("management");
    }

    private static List<Tree> targeting(List<Tree> autoscalers, String deployment) {
        return autoscalers.stream().filter(autoscaler -> deployment.equals(autoscaler.get("spec", "scaleTargetRef", "name").text())).toList();
    }

    /** The ports (by name or number) that the policies' rules of one direction allow. */
    private static Set<String> ports(List<Tree> policies, String direction) {
        Set<String> ports = new HashSet<>();
        for (Tree policy : policies) {
            for (Tree rule : policy.get("spec", direction).list()) {
                rule.get("ports").list().forEach(port -> ports.add(port.get("port").text()));
            }
        }
        return ports;
    }

    private static String kafkaPort(String bootstrapServers) {
        Set<String> ports = Stream.of(bootstrapServers.split(",")).map(server -> server.substring(server.lastIndexOf(':') + 1)).collect(toSet());
        assertThat(ports).as("one port for every broker").hasSize(1);
        return ports.iterator().next();
    }

    private static int port(Tree container, String name) {
        return container.get("ports").list().stream().filter(port -> name.equals(port.get("name").text())).findFirst()
                .orElseThrow(() -> new AssertionError("no port " + name)).get("containerPort").integer();
    }

    private static Map<String, String> texts(Map<String, Tree> map) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> texts.put(key, value.text()));
        return texts;
    }

    private static String name(Tree object) {
        return object.get("kind").text() + "/" + object.get("metadata", "name").text();
    }

    private static Manifests render(String overlay) throws IOException, InterruptedException {
        return Manifests.parse(rendered(overlay));
    }

    private static String rendered(String overlay) throws IOException, InterruptedException {
        String yaml = RENDERED.get(overlay);
        if (yaml == null) {
            yaml = overlay.startsWith("hpa") ? Kustomize.render(hpaVariant(), "--load-restrictor=LoadRestrictionsNone")
                    : Kustomize.render(Repository.KUBERNETES.resolve(overlay));
            RENDERED.put(overlay, yaml);
        }
        return yaml;
    }

    /**
     * The dev overlay with the HPA component in place of KEDA's, written under target/ (Kustomize
     * reaches the overlay's files by relative paths, which its load restrictor must allow).
     */
    private static Path hpaVariant() {
        Path dir = Path.of("target", "kustomize-hpa").toAbsolutePath();
        String kubernetes = dir.relativize(Repository.KUBERNETES).toString();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), String.join("\n",
                    "apiVersion: kustomize.config.k8s.io/v1beta1",
                    "kind: Kustomization",
                    "namespace: " + NAMESPACE,
                    "resources: [" + kubernetes + "/base, " + kubernetes + "/overlays/dev/kafka.yaml]",
                    "components: [" + kubernetes + "/components/hpa]", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
