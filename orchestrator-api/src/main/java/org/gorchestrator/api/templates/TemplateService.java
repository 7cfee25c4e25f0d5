package org.gorchestrator.api.templates;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gorchestrator.api.tasks.Accepted;
import org.gorchestrator.api.tasks.IdempotencyKey;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.api.tasks.TaskService;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.template.InputSpec;
import org.gorchestrator.template.Template;
import org.gorchestrator.template.TemplateRuns;
import org.gorchestrator.template.TemplateVersion;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.GraphValidator;
import org.gorchestrator.validation.InvalidGraphException;
import org.gorchestrator.validation.UnreadableDocumentException;
import org.gorchestrator.validation.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores templates (each PUT a new version, on the compacted templates topic) and starts runs of them through the
 * task submission path: the run's document is the template's with every {@code get_input} replaced, so it is
 * validated, made idempotent and sent like any other, and records the template's name, version and inputs.
 */
public final class TemplateService {
    static final String KIND = "template";
    private static final TypeReference<Map<String, InputSpec>> INPUTS = new TypeReference<>() {};

    private final NamedStore<Template> store;
    private final DefinitionPublisher publisher;
    private final String topic;
    private final GraphValidator validator;
    private final DocumentReader reader;
    private final TaskService tasks;
    private final int maxVersions;
    private final Duration readYourWritesWait;
    private final Clock clock;

    public TemplateService(NamedStore<Template> store, DefinitionPublisher publisher, String topic, GraphValidator validator,
                           DocumentReader reader, TaskService tasks, int maxVersions, Duration readYourWritesWait, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.topic = topic;
        this.validator = validator;
        this.reader = reader;
        this.tasks = tasks;
        this.maxVersions = maxVersions;
        this.readYourWritesWait = readYourWritesWait;
        this.clock = clock;
    }

    /**
     * Stores {@code body} (a gorch document with an {@code inputs} object) as the next version of template {@code name},
     * owned by the caller (its runs are checked against the engines of whoever starts them).
     *
     * @throws UnreadableDocumentException or InvalidGraphException naming what is wrong
     */
    public TemplateVersion put(String name, byte[] body, Caller caller) {
        ObjectNode tree = objectOf(reader.readTree(body));
        Map<String, InputSpec> inputs = inputsOf(tree.remove("inputs"));
        Graph document = TaskService.definitionOf(reader.read(Json.write(tree)));
        validator.check(document);
        TemplateRuns.checkDeclared(document, inputs);
        Template current = store.find(name).orElse(new Template(name, false, List.of()));
        Owner owner = Owner.of(caller);
        TemplateVersion version = new TemplateVersion(current.nextVersion(), document, inputs, clock.instant(),
                owner == null ? null : owner.subject());
        publisher.publish(topic, name, current.with(version, maxVersions));
        // the next PUT numbers its version from what the view shows: let it show this one first
        awaitView(name, t -> t.latest().map(v -> v.version() >= version.version()).orElse(false));
        return version;
    }

    public Template get(String name) {
        return store.find(name).orElseThrow(() -> new DefinitionNotFoundException(KIND, name));
    }

    public List<Template> list(String after, int limit) {
        return store.list(after, limit);
    }

    /** Archives the template: its versions stay readable, it starts nothing new. Archiving twice changes nothing. */
    public Template archive(String name) {
        Template archived = get(name).archive();
        publisher.publish(topic, name, archived);
        awaitView(name, Template::archived);
        return archived;
    }

    /**
     * Starts a run of the newest version with {@code inputs}.
     *
     * @throws InvalidGraphException naming each unknown input and each required input missing
     */
    public Accepted run(String name, Map<String, String> inputs, Optional<IdempotencyKey> key, Caller caller) {
        Template template = usable(name);
        TemplateVersion latest = template.latest().orElseThrow(() -> new DefinitionNotFoundException(KIND, name));
        return tasks.submitTemplateRun(TemplateRuns.instantiate(name, latest, inputs, null), key, caller);
    }

    /** The newest version of a template a run or schedule may use: it exists and is not archived. */
    public Template usable(String name) {
        Template template = get(name);
        if (template.archived()) {
            throw new TemplateArchivedException(name);
        }
        return template;
    }

    private void awaitView(String name, java.util.function.Predicate<Template> shown) {
        long deadline = System.nanoTime() + readYourWritesWait.toNanos();
        while (!store.find(name).map(shown::test).orElse(false) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ObjectNode objectOf(JsonNode tree) {
        if (!(tree instanceof ObjectNode object)) {
            throw new UnreadableDocumentException(new Violation("body", "send a gorch document (a JSON object) with an 'inputs' object"));
        }
        return object;
    }

    private static Map<String, InputSpec> inputsOf(JsonNode inputs) {
        if (inputs == null || inputs.isNull()) {
            return Map.of();
        }
        try {
            return Json.mapper().convertValue(inputs, INPUTS);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidGraphException(List.of(new Violation("inputs",
                    "must map each input name to {\"default\": \"value\"} or {\"required\": true}: " + rootMessage(e))));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JacksonException j ? j.getOriginalMessage() : root.getMessage();
    }
}
