package org.gorchestrator.api.http;

/** The Server-Sent Events header a client that comes back sends: the id of the last event it got. */
final class LastEventId {
    static final String HEADER = "Last-Event-ID";
    /** No header: the client has nothing yet. */
    static final long NONE = -1;

    private LastEventId() {}

    /** The id as a number, {@link #NONE} when absent or empty (as EventSource sends it before any id). */
    static long parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        try {
            long id = Long.parseLong(header.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // the same answer as a negative one
        }
        throw new InvalidParameterException(HEADER, "must be the id of an event of this stream (a number from 0), was '"
                + (header.length() <= 64 ? header : header.substring(0, 64) + "…") + "'");
    }
}
