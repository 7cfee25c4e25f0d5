package org.gorchestrator.worker.driver.ansible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gorchestrator.worker.driver.Texts;

/**
 * A node's args for engine {@code ansible}: {@code NAME=value} args are extra vars, and a few
 * {@code ansible-playbook} options pass through. Any other arg is refused, so that a document cannot
 * reach options such as {@code --extra-vars=@file}, {@code --become} or {@code --vault-password-file}.
 *
 * @param extraVars the extra vars by name, in the order given (a later one wins)
 * @param options   the allowed options, as given
 */
record PlaybookArgs(Map<String, String> extraVars, List<String> options) {
    private static final Pattern EXTRA_VAR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final Set<String> FLAGS = Set.of("--check", "--diff", "-v", "-vv", "-vvv", "-vvvv");
    private static final List<String> OPTIONS_WITH_VALUE = List.of("--tags=", "--skip-tags=", "--limit=");
    /** Host patterns and tag lists; no {@code @}, which makes {@code --limit} read a file. */
    private static final Pattern OPTION_VALUE = Pattern.compile("[A-Za-z0-9_.,:!&*\\[\\]-]+");
    private static final int SHOWN_CHARS = 80;

    /** @throws IllegalArgumentException naming the first arg that is neither an extra var nor an allowed option */
    static PlaybookArgs parse(List<String> args) {
        Map<String, String> extraVars = new LinkedHashMap<>();
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            Matcher var = EXTRA_VAR.matcher(arg);
            if (var.matches()) {
                extraVars.put(var.group(1), var.group(2));
            } else if (isAllowedOption(arg)) {
                options.add(arg);
            } else {
                throw new IllegalArgumentException("arg '" + Texts.clip(arg, SHOWN_CHARS) + "' is neither an extra var NAME=value"
                        + " nor an allowed option (" + String.join(", ", allowedOptions()) + ")");
            }
        }
        return new PlaybookArgs(extraVars, options);
    }

    private static boolean isAllowedOption(String arg) {
        if (FLAGS.contains(arg)) {
            return true;
        }
        return OPTIONS_WITH_VALUE.stream()
                .anyMatch(option -> arg.startsWith(option) && OPTION_VALUE.matcher(arg.substring(option.length())).matches());
    }

    private static List<String> allowedOptions() {
        List<String> all = new ArrayList<>(FLAGS.stream().sorted().toList());
        OPTIONS_WITH_VALUE.forEach(option -> all.add(option + "…"));
        return all;
    }
}
