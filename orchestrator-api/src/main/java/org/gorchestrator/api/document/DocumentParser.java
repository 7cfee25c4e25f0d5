package org.gorchestrator.api.document;

import org.gorchestrator.model.Graph;
import org.gorchestrator.validation.DocumentReader;
import org.gorchestrator.validation.UnreadableDocumentException;

/**
 * Reads a POST body with common-model's {@link DocumentReader} (the command line's offline validation reads files with
 * it too, so both say the same), its errors as the {@link MalformedDocumentException} that the problem handler answers.
 */
public final class DocumentParser {
    private final DocumentReader reader = new DocumentReader();

    public Graph parse(byte[] body) {
        try {
            return reader.read(body);
        } catch (UnreadableDocumentException e) {
            throw new MalformedDocumentException(e.violation());
        }
    }
}
