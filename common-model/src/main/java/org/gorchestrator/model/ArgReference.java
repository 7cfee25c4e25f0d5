package org.gorchestrator.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's way for a node to use an earlier node's output: an arg {@code get_attribute d:ip}
 * becomes that output's value, and {@code ip_address=get_attribute d:ip} becomes
 * {@code ip_address=<value>}. {@code node} is the other node's name (or id).
 */
public record ArgReference(String prefix, String node, String output) {

    private static final Pattern FORM = Pattern.compile("^(?:([A-Za-z_][A-Za-z0-9_]*)=)?get_attribute\\s+([^:\\s]+):(\\S+)\\s*$");

    public static Optional<ArgReference> parse(String arg) {
        Matcher m = FORM.matcher(arg);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ArgReference(m.group(1), m.group(2), m.group(3)));
    }

    /** The arg with the reference replaced by {@code value}. */
    public String resolve(String value) {
        return prefix == null ? value : prefix + "=" + value;
    }

    /** Resolves an arg against node name → outputs; an arg that is no reference comes back as it is. */
    public static String resolve(String arg, Map<String, Map<String, String>> outputsByNode) throws MissingOutputException {
        return resolve(arg, outputsByNode::get);
    }

    /**
     * Same, looking up only the node the arg names: {@code outputsOfNode} gives a node's outputs
     * by name (or id), or null when it has none yet.
     */
    public static String resolve(String arg, Function<String, Map<String, String>> outputsOfNode) throws MissingOutputException {
        Optional<ArgReference> ref = parse(arg);
        if (ref.isEmpty()) {
            return arg;
        }
        Map<String, String> outputs = outputsOfNode.apply(ref.get().node());
        String value = outputs == null ? null : outputs.get(ref.get().output());
        if (value == null || value.isEmpty()) {
            throw new MissingOutputException(ref.get());
        }
        return ref.get().resolve(value);
    }

    /** A referenced output that the earlier node did not produce. */
    public static final class MissingOutputException extends Exception {
        public MissingOutputException(ArgReference ref) {
            super("output '" + ref.output() + "' of node '" + ref.node() + "' is missing or empty (needed by get_attribute "
                    + ref.node() + ":" + ref.output() + ")");
        }
    }
}
