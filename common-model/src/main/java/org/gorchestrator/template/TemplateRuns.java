package org.gorchestrator.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.model.TemplateRun;
import org.gorchestrator.validation.InvalidGraphException;
import org.gorchestrator.validation.Violation;

/**
 * Makes runs of templates: checks a template's declared inputs against its {@code get_input} args when it is
 * stored, and checks a run's inputs and puts their values in place of every {@code get_input} when a run is
 * made, so the document the conductor gets is concrete. The API and the conductor's schedules both use it.
 */
public final class TemplateRuns {
    private static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private TemplateRuns() {}

    /**
     * The declared inputs of a template about to be stored.
     *
     * @throws InvalidGraphException naming each bad input name and each {@code get_input} of an undeclared input
     */
    public static void checkDeclared(Graph document, Map<String, InputSpec> inputs) {
        List<Violation> found = new ArrayList<>();
        inputs.keySet().stream().filter(name -> !INPUT_NAME.matcher(name).matches())
                .forEach(name -> found.add(new Violation("inputs." + name,
                        "an input name is 1 to 64 letters, digits, _ . - and starts with a letter or _")));
        forEachReference(document, (at, ref) -> {
            if (!inputs.containsKey(ref.input())) {
                found.add(new Violation(at, "get_input " + ref.input() + " names no declared input; declare it under 'inputs'"));
            }
        });
        if (!found.isEmpty()) {
            throw new InvalidGraphException(found);
        }
    }

    /**
     * The concrete document of a run of {@code version} of template {@code name}, recording where it came from.
     *
     * @throws InvalidGraphException naming each unknown input and each required input missing
     */
    public static Graph instantiate(String name, TemplateVersion version, Map<String, String> given, String schedule) {
        Map<String, String> values = values(version.inputs(), given == null ? Map.of() : given);
        Graph document = version.document();
        List<Node> nodes = document.nodes().stream().map(node -> node.withArgs(node.args().stream()
                .map(arg -> InputReference.parse(arg).map(ref -> ref.resolve(values.get(ref.input()))).orElse(arg))
                .toList())).toList();
        return document.withNodes(nodes).withTemplate(new TemplateRun(name, version.version(), values, schedule));
    }

    /** Every declared input's value: given, or its default; an optional input without default and not given is "". */
    static Map<String, String> values(Map<String, InputSpec> declared, Map<String, String> given) {
        List<Violation> found = new ArrayList<>();
        given.keySet().stream().filter(input -> !declared.containsKey(input)).sorted()
                .forEach(input -> found.add(new Violation("inputs." + input, "is not an input of this template; it declares "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())))));
        Map<String, String> values = new LinkedHashMap<>();
        declared.forEach((input, spec) -> {
            String value = Optional.ofNullable(given.get(input)).orElse(spec.defaultValue());
            if (value == null && spec.required()) {
                found.add(new Violation("inputs." + input, "is required by this template"));
            }
            values.put(input, value == null ? "" : value);
        });
        if (!found.isEmpty()) {
            throw new InvalidGraphException(found);
        }
        return values;
    }

    private static void forEachReference(Graph document, java.util.function.BiConsumer<String, InputReference> action) {
        for (int n = 0; n < document.nodes().size(); n++) {
            List<String> args = document.nodes().get(n).args();
            for (int a = 0; a < args.size(); a++) {
                String at = "nodes[" + n + "].args[" + a + "]";
                InputReference.parse(args.get(a)).ifPresent(ref -> action.accept(at, ref));
            }
        }
    }
}
