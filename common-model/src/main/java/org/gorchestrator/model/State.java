package org.gorchestrator.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The seed's execution states. The numeric codes are part of the document format. */
public enum State {
    INITIAL(0, false),
    TORUN(1, false),
    RUNNING(2, false),
    SUCCESS(3, true),
    FAILURE(4, true),
    NOTRUNNABLE(5, true),
    TIMEOUT(10, true),
    CANCELED(11, true);

    private final int code;
    private final boolean finished;

    State(int code, boolean finished) {
        this.code = code;
        this.finished = finished;
    }

    @JsonValue
    public int code() {
        return code;
    }

    /** The lower-case name used in the seed's texts and in the API's filters, e.g. {@code notrunnable}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True once nothing more will happen to a node or graph in this state (until a rerun). */
    public boolean isFinished() {
        return finished;
    }

    public static State ofCode(int code) {
        for (State s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state code " + code + "; known codes are 0-5, 10 and 11");
    }

    /** Accepts the seed's numeric code or the state's name ("success", "3"). */
    @JsonCreator
    public static State parse(Object value) {
        if (value == null) {
            return INITIAL;
        }
        if (value instanceof Number n) {
            return ofCode(n.intValue());
        }
        String text = value.toString().trim();
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            return ofCode(Integer.parseInt(text));
        }
        for (State s : values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + text + "'");
    }
}
