package org.gorchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void plainTextIsLeftAsItIs() {
        String text = "build – étape 2 ✓ 构建";

        assertThat(Printable.of(text)).isSameAs(text);
        assertThat(Printable.of(null)).isNull();
    }

    @Test
    void lineBreaksAndTabsBecomeSpacesSoOneItemStaysOneLine() {
        assertThat(Printable.of("exit code 3;\nstderr:\r\n\tno such file")).isEqualTo("exit code 3; stderr:   no such file");
    }

    @Test
    void escapeSequencesAndOtherControlCharactersAreShownNotObeyed() {
        assertThat(Printable.of("\u001b]0;owned\u0007\u001b[2J\u0000\u007f")).isEqualTo("^[]0;owned^G^[[2J^@^?");
        assertThat(Printable.of("a\u009b31mb")).isEqualTo("a<U+009B>31mb");
    }

    @Test
    void charactersThatReorderTheLineAreShownNotObeyed() {
        assertThat(Printable.of("deploy\u202Egnp.exe\u2066x\u2069")).isEqualTo("deploy<U+202E>gnp.exe<U+2066>x<U+2069>");
    }
}
