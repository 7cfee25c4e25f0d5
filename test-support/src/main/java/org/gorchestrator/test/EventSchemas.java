package org.gorchestrator.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gorchestrator.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of {@code gorch.workflow-events}, read from the repository's {@code docs/events}
 * (where consumers find them), with formats asserted. Schema ids {@code urn:gorchestrator:events:NAME}
 * are the files {@code docs/events/NAME.json}.
 */
public final class EventSchemas {
    private static final String ID_PREFIX = "urn:gorchestrator:events:";
    private static final String ENVELOPE = ID_PREFIX + "cloudevent.v1";
    private static final Path DIR = findDocs();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
            .schemas(EventSchemas::load)
            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventSchemas() {}

    /**
     * What is wrong with one record value of the topic: against the envelope's schema, then its
     * {@code data} against the schema its {@code dataschema} names. Empty when it is valid.
     */
    public static List<String> violations(String cloudEventJson) {
        JsonNode event = Json.mapper().readTree(cloudEventJson);
        List<String> found = new ArrayList<>(messages(schema(ENVELOPE).validate(event)));
        String dataSchema = event.path("dataschema").asString("");
        if (dataSchema.startsWith(ID_PREFIX)) {
            messages(schema(dataSchema).validate(event.path("data"))).forEach(m -> found.add("data: " + m));
        }
        return found;
    }

    private static Schema schema(String id) {
        return REGISTRY.getSchema(SchemaLocation.of(id));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    /**
     * The schema of {@code urn:gorchestrator:events:NAME}, or of a reference between the files ({@code NAME.json}, as
     * they name each other so that tools resolving references by file, such as the AsyncAPI parser, find them too).
     */
    private static String load(String id) {
        String name = id.substring(Math.max(id.lastIndexOf(':'), id.lastIndexOf('/')) + 1);
        Path file = DIR.resolve(name.endsWith(".json") ? name : name + ".json");
        if (!id.startsWith(ID_PREFIX) && !id.endsWith(".json") || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run in their module's folder: the repository root is the nearest folder above with docs/events. */
    private static Path findDocs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/events"))) {
                return dir.resolve("docs/events");
            }
        }
        throw new IllegalStateException("no docs/events above " + Path.of("").toAbsolutePath());
    }
}
