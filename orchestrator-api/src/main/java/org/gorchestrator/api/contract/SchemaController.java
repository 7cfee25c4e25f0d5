package org.gorchestrator.api.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The gorch document's JSON Schema at a stable URL, for editors, the command line's validate and the console. */
@RestController
@Tag(name = "Contracts", description = "The machine-readable contracts of the API")
public class SchemaController {
    public static final String PATH = "/v1/schema/gorch-document.json";
    static final String SCHEMA_JSON = "application/schema+json";
    private final DocumentSchema schema;

    public SchemaController(DocumentSchema schema) {
        this.schema = schema;
    }

    @GetMapping(value = PATH, produces = SCHEMA_JSON)
    @Operation(summary = "The gorch document's JSON Schema", operationId = "getDocumentSchema",
            description = "JSON Schema draft 2020-12 of what POST /v1/tasks takes, with this API's gorch.api.limits. The "
                    + "server's validator stays the authority for what a schema cannot say (cycles, references, ids 0..n-1).")
    @ApiResponse(responseCode = "200", description = "The schema",
            content = @Content(mediaType = SCHEMA_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "A query parameter: this endpoint takes none",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<String> documentSchema() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(schema.json());
    }
}
