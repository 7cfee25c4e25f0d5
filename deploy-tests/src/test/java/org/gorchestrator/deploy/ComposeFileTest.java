package org.gorchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gorchestrator.worker.config.WorkerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** deploy/compose.yaml, parsed as Compose parses it (YAML merge keys resolved). */
class ComposeFileTest {
    private static final String IMAGE = "gorchestrator:dev";
    private static final Set<String> ENTRYPOINT_VARIABLES = Set.of("JAVA_OPTS");

    private final String text = read();
    private final Tree compose = new Tree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));

    @Test
    void everyGorchestratorServiceIsHealthyOnlyWhenReady() {
        assertThat(gorchestrator()).containsKeys("api-1", "api-2", "conductor", "worker");
        gorchestrator().forEach((name, service) -> {
            String port = String.valueOf(settings(service).managementPort());
            assertThat(service.get("healthcheck", "test").list()).extracting(Tree::text).as(name)
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
        });
        assertThat(compose.get("services", "kafka", "healthcheck").exists()).isTrue();
    }

    @Test
    void everyEnvironmentVariableSetsARealProperty() {
        PropertyNames properties = PropertyNames.load();
        gorchestrator().forEach((name, service) -> assertThat(environment(service).keySet()).as(name)
                .filteredOn(variable -> !ENTRYPOINT_VARIABLES.contains(variable))
                .allMatch(properties::isProperty, "a real property"));
    }

    @Test
    void workersAreAProfileThatScalesAndFinishTheirNodesWhenStopped() {
        Tree worker = compose.get("services", "worker");
        assertThat(worker.get("profiles").list()).extracting(Tree::text).containsExactly("workers");
        // a fixed name or host port would stop --scale worker=N
        assertThat(worker.get("container_name").exists() || worker.get("ports").exists()).isFalse();
        // what a node may change: its scratch space, nothing of the image
        assertThat(worker.get("read_only").value()).isEqualTo(true);
        assertThat(worker.get("tmpfs").list()).extracting(Tree::text).containsExactly("/tmp");
        WorkerProperties settings = settings(worker).worker();
        assertThat(DurationStyle.detectAndParse(worker.get("stop_grace_period").text())).isGreaterThanOrEqualTo(Workloads.workerStop(settings));
    }

    @Test
    void theFileMatchesTheComposeSpecification() throws Exception {
        assertThat(SchemaCheck.problems("compose", text)).isEmpty();
    }

    private Map<String, Tree> gorchestrator() {
        Map<String, Tree> services = new LinkedHashMap<>();
        compose.get("services").map().forEach((name, service) -> {
            if (IMAGE.equals(service.get("image").text())) {
                services.put(name, service);
            }
        });
        return services;
    }

    private static Map<String, String> environment(Tree service) {
        Map<String, String> environment = new LinkedHashMap<>();
        service.get("environment").map().forEach((name, value) -> environment.put(name, value.text()));
        return environment;
    }

    private static Settings settings(Tree service) {
        return Settings.of(environment(service));
    }

    private static String read() {
        try {
            return Files.readString(Repository.DEPLOY.resolve("compose.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
