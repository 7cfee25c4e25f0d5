package org.gorchestrator.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A value too large to be one record of its topic, sent as consecutive records of one key instead, so that no record
 * grows with what it carries (a 100,000-node submit). Each part is a slice of the value's bytes, with a
 * {@link #HEADER} naming its send, its index and the number of parts; the parts of one send go to one partition in
 * order, the last one completing the value. A value that fits one part is sent as it always was, with no header.
 *
 * <p>The send id tells the parts of two sends of one key apart (a client that retries while its first try is still
 * arriving), so a reader never joins parts of different sends.
 */
public final class RecordParts {
    /** The header of a part: {@code <send id> <index> <count>}, e.g. {@code 4b1f… 0 12}. */
    public static final String HEADER = "gorch-part";
    private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9-]{1,64}) (\\d{1,9}) (\\d{1,9})");

    private RecordParts() {}

    /**
     * One part of a value.
     *
     * @param sendId the send the part belongs to
     * @param index  its place among the send's parts, from 0
     * @param count  how many parts the send has, at least 2
     */
    public record Part(String sendId, int index, int count) {
        public Part {
            Objects.requireNonNull(sendId, "sendId");
            if (count < 2 || index < 0 || index >= count) {
                throw new IllegalArgumentException("part " + index + " of " + count + " parts");
            }
        }

        public boolean isLast() {
            return index == count - 1;
        }

        public byte[] header() {
            return (sendId + " " + index + " " + count).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The part {@code headers} name, or empty for a record that is a whole value.
     *
     * @throws IllegalArgumentException when the header is there but is not a part's
     */
    public static Optional<Part> of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        if (header == null) {
            return Optional.empty();
        }
        String text = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("the " + HEADER + " header '" + text + "' is not '<send id> <index> <count>'");
        }
        return Optional.of(new Part(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /**
     * The bytes {@code writer} writes, cut into pieces of {@code partBytes} (the last one shorter): one piece when they
     * fit one. The pieces are filled as the writer goes, so a large value is never held whole besides them.
     */
    public static List<byte[]> write(int partBytes, Writer writer) {
        Pieces pieces = new Pieces(partBytes);
        try {
            writer.writeTo(pieces);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the pieces never fail: only the writer's own input can
        }
        return pieces.done();
    }

    /** Writes a value to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** An output stream that keeps what it is given in pieces of a fixed size. */
    private static final class Pieces extends OutputStream {
        private final int size;
        private final List<byte[]> full = new ArrayList<>();
        private ByteArrayOutputStream current;

        Pieces(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("a part holds at least one byte, was " + size);
            }
            this.size = size;
            this.current = new ByteArrayOutputStream(Math.min(size, 8192));
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = Math.min(length, size - current.size());
                current.write(bytes, offset, n);
                offset += n;
                length -= n;
                if (current.size() == size) {
                    full.add(current.toByteArray());
                    current = new ByteArrayOutputStream(Math.min(size, 8192));
                }
            }
        }

        List<byte[]> done() {
            if (current.size() > 0 || full.isEmpty()) {
                full.add(current.toByteArray());
            }
            return full;
        }
    }
}
