package org.gorchestrator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.gorchestrator.model.Graph;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.Violation;

/** Document files: read with the API's own reader, their violations printed as a compiler prints errors. */
final class Documents {
    /** The reader names the whole text "body" when the problem is not in one field: a file has no body, only lines. */
    private static final String WHOLE_DOCUMENT = "body";
    private static final DocumentReader READER = new DocumentReader();

    private Documents() {}

    /**
     * @throws UncheckedIOException (of a {@link NoSuchFileException} when it is missing) when the file cannot be read
     * @throws org.gorchestrator.validation.UnreadableDocumentException when it is not a gorch document
     */
    static Graph read(Path file) {
        try {
            return READER.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, read once it was read as a document. */
    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code FILE: FIELD: MESSAGE}, one a line, as compilers say it, so editors and scripts can read them. */
    static List<String> describe(Object source, List<Violation> violations) {
        return violations.stream()
                .map(v -> Printable.of(source + ": " + (v.field().equals(WHOLE_DOCUMENT) ? "" : v.field() + ": ") + v.message()))
                .toList();
    }
}
