package org.gorchestrator.cli;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.gorchestrator.validation.Violation;

/**
 * The gorch document's JSON Schema (docs/schema/gorch-document.json, the one the API serves), checked after the API's
 * own reader and validator, which stay the authority and word their findings as the API does: a document they accept
 * but the schema refuses means the two disagree, and a client generated from the schema would refuse it.
 */
final class DocumentSchemaCheck {
    private static final String RESOURCE = "gorch/schema/gorch-document.json";
    private static final Schema SCHEMA = load();

    private DocumentSchemaCheck() {}

    static List<Violation> violations(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(DocumentSchemaCheck::violation).toList();
    }

    private static Violation violation(Error error) {
        String at = error.getInstanceLocation().toString();
        String field = at.equals("$") ? "body" : at.startsWith("$.") ? at.substring(2) : at;
        return new Violation(field, "JSON Schema: " + error.getMessage());
    }

    private static Schema load() {
        try (InputStream in = DocumentSchemaCheck.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
