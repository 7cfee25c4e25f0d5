package org.gorchestrator.json;

import java.io.OutputStream;

/**
 * How many bytes {@link Json} writes for a string, quotes included, without writing it: UTF-8, with
 * the escapes JSON needs ({@code \"}, {@code \\}, {@code \n}, {@code \u0001}). A size limit on values
 * that go into a record is then a limit on the record's bytes, not on characters that may take six.
 */
public final class JsonSize {
    private JsonSize() {}

    /** How many bytes {@link Json} writes for {@code value}, counted as it writes them: a large value is measured without a copy. */
    public static long ofValue(Object value) {
        CountingStream bytes = new CountingStream();
        Json.mapper().writeValue(bytes, value);
        return bytes.count;
    }

    /** Counts what is written, keeps nothing. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    public static long of(CharSequence text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            bytes += bytesOf(text.charAt(i));
        }
        return bytes;
    }

    private static int bytesOf(char c) {
        if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
            return 2;
        }
        if (c < 0x20) {
            return 6;
        }
        if (c < 0x80) {
            return 1;
        }
        // A surrogate pair is one 4-byte code point: 2 bytes for each half.
        return c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
}
