package org.gorchestrator.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The objects of a rendered overlay, in the order kubectl would apply them. */
record Manifests(List<Tree> objects) {
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    /** The value an environment variable given by Kubernetes (a field, a Secret) has here. */
    static final String FROM_KUBERNETES = "<from-kubernetes>";

    static Manifests parse(String yaml) {
        Iterable<Object> documents = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml);
        return new Manifests(StreamSupport.stream(documents.spliterator(), false).filter(Objects::nonNull).map(Tree::new).toList());
    }

    List<Tree> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind").text())).toList();
    }

    Tree named(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(object.get("metadata", "name").text())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** Deployments and StatefulSets. */
    List<Tree> workloads() {
        return objects.stream().filter(object -> List.of("Deployment", "StatefulSet").contains(object.get("kind").text())).toList();
    }

    /** The workloads that run the Gorchestrator image. */
    List<Tree> gorchestrator() {
        return workloads().stream().filter(workload -> "gorchestrator".equals(workload.get("metadata", "labels", NAME_LABEL).text())).toList();
    }

    Tree gorchestrator(String component) {
        return gorchestrator().stream().filter(workload -> component.equals(component(workload))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + component + " workload"));
    }

    static String component(Tree workload) {
        return workload.get("metadata", "labels", COMPONENT_LABEL).text();
    }

    static Tree pod(Tree workload) {
        return workload.get("spec", "template", "spec");
    }

    static List<Tree> containers(Tree workload) {
        return pod(workload).get("containers").list();
    }

    /** A container's environment as Kubernetes builds it: its ConfigMaps' entries, then its own, which win. */
    Map<String, String> environment(Tree container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Tree source : container.get("envFrom").list()) {
            named("ConfigMap", source.get("configMapRef", "name").text()).get("data").map()
                    .forEach((name, value) -> environment.put(name, value.text()));
        }
        for (Tree variable : container.get("env").list()) {
            Tree value = variable.get("value");
            environment.put(variable.get("name").text(), value.exists() ? value.text() : FROM_KUBERNETES);
        }
        return environment;
    }

    /** The settings a container gives Gorchestrator, bound as the process binds them. */
    Settings settings(Tree container) {
        return Settings.of(environment(container));
    }
}
