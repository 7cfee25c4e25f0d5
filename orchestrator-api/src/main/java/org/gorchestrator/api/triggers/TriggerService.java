package org.gorchestrator.api.triggers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.gorchestrator.api.tasks.Caller;
import org.gorchestrator.api.templates.DefinitionNotFoundException;
import org.gorchestrator.api.templates.DefinitionPublisher;
import org.gorchestrator.api.templates.NamedStore;
import org.gorchestrator.api.templates.Owner;
import org.gorchestrator.api.templates.TemplateArchivedException;
import org.gorchestrator.api.templates.TemplateService;
import org.gorchestrator.json.Json;
import org.gorchestrator.template.Template;
import org.gorchestrator.template.TemplateVersion;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.InvalidGraphException;
import org.gorchestrator.validation.UnreadableDocumentException;
import org.gorchestrator.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;

/**
 * Stores triggers on their compacted topic, from which every API instance's {@link TriggerRunner} follows their topics.
 * A trigger is checked when stored (its template exists and declares its inputs, its pointers are JSON pointers, the
 * caller may use the template's engines) and belongs to who stored it: only they (or an admin) change or delete it.
 */
public final class TriggerService {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerService.class);
    static final String KIND = "trigger";
    private static final int PAGE = 500;
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final NamedStore<Trigger> store;
    private final TemplateService templates;
    private final DefinitionPublisher publisher;
    private final String topic;
    private final Set<String> systemTopics;
    /** The triggers on a system topic that {@link #followable} has logged. */
    private final Set<String> notFollowed = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    /**
     * @param topic        where triggers are stored
     * @param systemTopics the system's own topics, which no trigger may read: their records are other owners' commands,
     *                     documents and state, which the public {@code gorch.workflow-events} shows each reader only as
     *                     far as it may see them
     */
    public TriggerService(NamedStore<Trigger> store, TemplateService templates, DefinitionPublisher publisher, String topic,
                          Set<String> systemTopics, Clock clock) {
        this.store = store;
        this.templates = templates;
        this.publisher = publisher;
        this.topic = topic;
        this.systemTopics = Set.copyOf(systemTopics);
        this.clock = clock;
    }

    /**
     * @throws InvalidGraphException or UnreadableDocumentException naming each field that is wrong
     * @throws AccessDeniedException when a trigger of this name belongs to another subject
     */
    public Trigger put(String name, byte[] body, Caller caller) {
        store.find(name).ifPresent(existing -> requireOwner(existing, caller));
        TriggerRequest request = read(body);
        Trigger trigger = new Trigger(name, request.template(), request.topic(), request.inputs(), request.filter(),
                Boolean.TRUE.equals(request.paused()), clock.instant(), Owner.of(caller));
        List<Violation> found = new ArrayList<>();
        check(trigger, found);
        checkTemplate(trigger, caller, found);
        if (!found.isEmpty()) {
            throw new InvalidGraphException(found);
        }
        publisher.publish(topic, name, trigger);
        return trigger;
    }

    public Trigger get(String name) {
        return store.find(name).orElseThrow(() -> new DefinitionNotFoundException(KIND, name));
    }

    public List<Trigger> list(String after, int limit) {
        return store.list(after, limit);
    }

    /**
     * Every trigger the runner may follow: all but those on a topic of the system's own, which a trigger stored before
     * that was refused may still name (it is refused when stored again); each such one is logged once.
     */
    public List<Trigger> followable() {
        List<Trigger> followable = new ArrayList<>();
        for (Trigger trigger : all()) {
            if (!isSystemTopic(trigger.topic())) {
                followable.add(trigger);
            } else if (notFollowed.add(trigger.name())) {
                LOG.warn("trigger {} is not followed: its topic {} is one of the system's own, which no trigger may read; "
                        + "store it again on another topic, or delete it", trigger.name(), trigger.topic());
            }
        }
        return followable;
    }

    /** Every trigger, read a page at a time. */
    public List<Trigger> all() {
        List<Trigger> all = new ArrayList<>();
        for (List<Trigger> page = store.list(null, PAGE); !page.isEmpty(); page = store.list(page.get(page.size() - 1).name(), PAGE)) {
            all.addAll(page);
        }
        return all;
    }

    /** Pauses or resumes: a resumed trigger fires for records written from now on, none of those written while it was paused. */
    public Trigger pause(String name, boolean pause, Caller caller) {
        Trigger changed = requireOwner(get(name), caller).withPaused(pause, clock.instant());
        publisher.publish(topic, name, changed);
        return changed;
    }

    /** Removes the trigger (a tombstone): it fires no more; runs it started go on. */
    public void delete(String name, Caller caller) {
        requireOwner(get(name), caller);
        publisher.publish(topic, name, null);
    }

    private boolean isSystemTopic(String name) {
        return systemTopics.contains(name) || name.startsWith("__") || name.endsWith("-changelog") || name.endsWith("-repartition");
    }

    private static Trigger requireOwner(Trigger trigger, Caller caller) {
        if (!Owner.mayChange(trigger.owner(), caller)) {
            throw new AccessDeniedException("trigger '" + trigger.name() + "' belongs to another subject; choose another name");
        }
        return trigger;
    }

    private void check(Trigger trigger, List<Violation> found) {
        if (trigger.topic() == null || !TOPIC.matcher(trigger.topic()).matches()) {
            found.add(new Violation("topic", "name the topic whose records start runs (1 to 249 letters, digits, . _ -)"));
        } else if (isSystemTopic(trigger.topic())) {
            found.add(new Violation("topic", "'" + trigger.topic() + "' is a topic of this system's own, of Kafka's or of a Kafka "
                    + "Streams application's, which holds other owners' work; a trigger reads a topic of yours, or the workflow events"));
        }
        trigger.inputs().forEach((input, pointer) -> checkPointer("inputs." + input, pointer, found));
        trigger.filter().forEach((pointer, value) -> {
            checkPointer("filter", pointer, found);
            if (value == null) {
                found.add(new Violation("filter." + pointer, "give the value the field must have"));
            }
        });
    }

    private static void checkPointer(String field, String pointer, List<Violation> found) {
        try {
            if (pointer == null) {
                found.add(new Violation(field, "give a JSON pointer to a field, such as /data/id"));
            } else {
                JsonPointer.compile(pointer);
            }
        } catch (IllegalArgumentException e) {
            found.add(new Violation(field, "'" + pointer + "' is no JSON pointer: " + e.getMessage()));
        }
    }

    /** The template exists, is not archived, declares every input the trigger sets, and uses only engines the caller may use. */
    private void checkTemplate(Trigger trigger, Caller caller, List<Violation> found) {
        if (trigger.template() == null || trigger.template().isBlank()) {
            found.add(new Violation("template", "name the template to run"));
            return;
        }
        try {
            Template template = templates.usable(trigger.template());
            TemplateVersion latest = template.latest().orElseThrow(() -> new DefinitionNotFoundException("template", trigger.template()));
            trigger.inputs().keySet().stream().filter(input -> !latest.inputs().containsKey(input)).sorted()
                    .forEach(input -> found.add(new Violation("inputs." + input, "is not an input of template " + template.name())));
            caller.checkEngines(latest.document());
        } catch (DefinitionNotFoundException | TemplateArchivedException e) {
            found.add(new Violation("template", e.getBody().getDetail()));
        }
    }

    private static TriggerRequest read(byte[] body) {
        try {
            TriggerRequest request = Json.read(body, TriggerRequest.class);
            if (request == null) {
                throw new UnreadableDocumentException(new Violation("body", "send a trigger (a JSON object)"));
            }
            return request;
        } catch (JacksonException e) {
            throw DocumentReader.unreadable(e);
        }
    }
}
