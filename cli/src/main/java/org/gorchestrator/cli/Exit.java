package org.gorchestrator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gorchestrator.model.State;

/** What the exit code says: the outcome of a run (0-3), else sysexits(3)'s codes for what went wrong. */
final class Exit {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int TIMEOUT = 2;
    static final int CANCELED = 3;
    static final int USAGE = 64;
    static final int INVALID_DOCUMENT = 65;
    static final int NO_INPUT = 66;
    static final int UNAVAILABLE = 69;
    static final int SOFTWARE = 70;
    static final int NO_PERMISSION = 77;

    private Exit() {}

    /** The code of a finished run: 0 success, 1 failure, 2 timeout, 3 canceled. */
    static int of(State state) {
        return switch (state) {
            case SUCCESS -> SUCCESS;
            case TIMEOUT -> TIMEOUT;
            case CANCELED -> CANCELED;
            case FAILURE, NOTRUNNABLE -> FAILURE;
            case INITIAL, TORUN, RUNNING -> throw new IllegalArgumentException("a run in state " + state.label() + " has not finished");
        };
    }

    /** For --help: every code, with what it means. */
    static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(SUCCESS), "done; with --wait or watch: the run succeeded");
        codes.put(String.valueOf(FAILURE), "the run failed, or the server refused the request (unknown task, finished already...)");
        codes.put(String.valueOf(TIMEOUT), "the run timed out, or --timeout passed before it finished");
        codes.put(String.valueOf(CANCELED), "the run was canceled");
        codes.put(String.valueOf(USAGE), "usage error: unknown command or option, bad value");
        codes.put(String.valueOf(INVALID_DOCUMENT), "invalid document: its violations are printed as FILE: FIELD: MESSAGE");
        codes.put(String.valueOf(NO_INPUT), "the file cannot be read");
        codes.put(String.valueOf(UNAVAILABLE), "the server cannot be reached or is busy (try again), or Graphviz is missing for --svg");
        codes.put(String.valueOf(NO_PERMISSION), "the server wants a (better) token: --token or GORCH_TOKEN");
        return codes;
    }
}
