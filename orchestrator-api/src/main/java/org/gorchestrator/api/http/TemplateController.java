package org.gorchestrator.api.http;

import static org.gorchestrator.api.http.TaskController.JSON;
import static org.gorchestrator.api.http.TaskController.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gorchestrator.api.config.ApiSettings;
import org.gorchestrator.api.tasks.Accepted;
import org.gorchestrator.api.tasks.IdempotencyKey;
import org.gorchestrator.api.security.CurrentCaller;
import org.gorchestrator.api.templates.DefinitionNames;
import org.gorchestrator.api.templates.TemplateService;
import org.gorchestrator.json.Json;
import org.gorchestrator.model.Graph;
import org.gorchestrator.template.InputSpec;
import org.gorchestrator.template.Template;
import org.gorchestrator.template.TemplateVersion;
import org.gorchestrator.validation.DocumentReader;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/** Stored templates: gorch documents with declared inputs, versioned, from which runs are started by name. */
@RestController
@RequestMapping("/v1/templates")
@Tag(name = "Templates", description = "Store gorch documents with inputs and start runs of them")
public class TemplateController {
    private final TemplateService templates;
    private final BodyReader bodies;
    private final ApiSettings config;
    private final CurrentCaller caller;

    public TemplateController(TemplateService templates, BodyReader bodies, ApiSettings config, CurrentCaller caller) {
        this.caller = caller;
        this.templates = templates;
        this.bodies = bodies;
        this.config = config;
    }

    /** One version of a template as read back. */
    public record TemplateBody(String name, int version, boolean archived, Instant created, String owner,
                               Map<String, InputSpec> inputs, Graph document) {
        static TemplateBody of(Template template, TemplateVersion version) {
            return new TemplateBody(template.name(), version.version(), template.archived(), version.created(), version.owner(),
                    version.inputs(), version.document());
        }
    }

    public record VersionSummary(int version, Instant created) {}

    public record TemplateVersions(String name, boolean archived, List<VersionSummary> versions) {}

    public record TemplateSummary(String name, int version, boolean archived) {}

    public record TemplateList(List<TemplateSummary> templates, String next) {}

    public record StoredVersion(String name, int version) {}

    public record RunRequest(Map<String, String> inputs) {}

    @PutMapping(path = "/{name}", consumes = JSON)
    @Operation(operationId = "putTemplate", summary = "Store a template", description = "The body is a gorch document plus an 'inputs' object declaring "
            + "each input: {\"env\": {\"default\": \"staging\"}, \"version\": {\"required\": true}}. An arg 'get_input NAME' "
            + "(or 'X=get_input NAME') becomes the run's value of NAME. Each PUT stores a new version.")
    @ApiResponse(responseCode = "201", description = "Stored as the newest version",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StoredVersion.class)))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid document or inputs; 'violations' names each field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<StoredVersion> put(@PathVariable String name, HttpServletRequest request) {
        TemplateVersion version = templates.put(DefinitionNames.check(name), bodies.read(request), caller.get());
        return ResponseEntity.created(URI.create("/v1/templates/" + name + "/versions/" + version.version()))
                .body(new StoredVersion(name, version.version()));
    }

    @GetMapping
    @Operation(operationId = "listTemplates", summary = "List templates", description = "By name, one page at a time")
    public TemplateList list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        int size = limit == null ? config.defaultPageSize() : pageSize(limit);
        List<Template> page = templates.list(after, size + 1);
        List<TemplateSummary> summaries = page.stream().limit(size)
                .map(t -> new TemplateSummary(t.name(), t.latest().map(TemplateVersion::version).orElse(0), t.archived())).toList();
        return new TemplateList(summaries, page.size() > size ? summaries.get(size - 1).name() : null);
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getTemplate", summary = "Read a template", description = "Its newest version")
    @ApiResponse(responseCode = "404", description = "No template of this name",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public TemplateBody get(@PathVariable String name) {
        Template template = templates.get(name);
        return TemplateBody.of(template, template.latest().orElseThrow());
    }

    @GetMapping("/{name}/versions")
    @Operation(operationId = "listTemplateVersions", summary = "List the versions of a template", description = "Oldest first; gorch.api.start.max-template-versions are kept")
    public TemplateVersions versions(@PathVariable String name) {
        Template template = templates.get(name);
        return new TemplateVersions(name, template.archived(),
                template.versions().stream().map(v -> new VersionSummary(v.version(), v.created())).toList());
    }

    @GetMapping("/{name}/versions/{version}")
    @Operation(operationId = "getTemplateVersion", summary = "Read one version of a template")
    public TemplateBody version(@PathVariable String name, @PathVariable int version) {
        Template template = templates.get(name);
        return TemplateBody.of(template, template.version(version)
                .orElseThrow(() -> new InvalidParameterException("version", "template '" + name + "' has no version " + version)));
    }

    @DeleteMapping("/{name}")
    @Operation(operationId = "archiveTemplate", summary = "Archive a template", description = "Its versions stay readable; it starts no new run or schedule tick "
            + "until a new version is stored. Repeating it is harmless.")
    public TemplateVersions archive(@PathVariable String name) {
        Template template = templates.archive(name);
        return new TemplateVersions(name, true, template.versions().stream().map(v -> new VersionSummary(v.version(), v.created())).toList());
    }

    @PostMapping(path = "/{name}/runs", consumes = JSON)
    @Operation(operationId = "runTemplate", summary = "Start a run of a template", description = "Body {\"inputs\": {\"version\": \"1.4\"}}: the newest version "
            + "runs with these inputs and the declared defaults; the run's document records the template's name, version and "
            + "inputs under 'template'. With an Idempotency-Key it is idempotent like POST /v1/tasks.")
    @ApiResponse(responseCode = "202", description = "Accepted; Location is the task",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TaskId.class)))
    @ApiResponse(responseCode = "400", description = "An unknown input, or a required input missing; 'violations' names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The template is archived, or the Idempotency-Key was used for another run",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<TaskId> run(@PathVariable String name, HttpServletRequest request,
                                      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        Accepted accepted = templates.run(name, runRequest(bodies.read(request)).inputs(), TaskController.idempotencyKey(idempotencyKey),
                caller.get());
        ResponseEntity.BodyBuilder response = accepted.replayed()
                ? ResponseEntity.ok().header(TaskController.REPLAYED_HEADER, "true")
                : ResponseEntity.accepted();
        return response.location(URI.create("/v1/tasks/" + accepted.id())).body(new TaskId(accepted.id()));
    }

    private static RunRequest runRequest(byte[] body) {
        try {
            RunRequest run = body.length == 0 ? null : Json.read(body, RunRequest.class);
            return run == null || run.inputs() == null ? new RunRequest(Map.of()) : run;
        } catch (JacksonException e) {
            throw DocumentReader.unreadable(e);
        }
    }

    private int pageSize(int limit) {
        if (limit < 1 || limit > config.maxPageSize()) {
            throw new InvalidParameterException("limit", "must be between 1 and " + config.maxPageSize() + ", was " + limit);
        }
        return limit;
    }
}
