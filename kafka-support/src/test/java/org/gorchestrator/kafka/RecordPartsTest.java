package org.gorchestrator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordPartsTest {

    @Test
    void aValueLargerThanAPartIsCutIntoFullPartsAndAShorterLastOneThatJoinBackIntoIt() {
        byte[] value = "0123456789abcdefghij-".getBytes(StandardCharsets.UTF_8);

        List<byte[]> parts = RecordParts.write(8, out -> {
            out.write(value, 0, 5); // written in pieces that straddle the parts' bounds
            out.write(value[5]);
            out.write(value, 6, value.length - 6);
        });

        assertThat(parts).extracting(part -> part.length).containsExactly(8, 8, 5);
        assertThat(join(parts)).isEqualTo(value);
    }

    @Test
    void aValueThatFitsOnePartIsOnePieceEvenWhenEmptyOrExactlyFull() {
        byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordParts.write(8, out -> out.write(abc))).singleElement().isEqualTo(abc);
        assertThat(RecordParts.write(8, out -> { })).singleElement().satisfies(part -> assertThat(part).isEmpty());
        assertThat(RecordParts.write(3, out -> out.write(abc))).singleElement().isEqualTo(abc);
        assertThat(RecordParts.write(3, out -> out.write("abcd".getBytes(StandardCharsets.UTF_8)))).hasSize(2);
    }

    @Test
    void aPartsHeaderReadsBackAndARecordWithoutOneIsWhole() {
        RecordParts.Part part = new RecordParts.Part("4b1f-77", 2, 3);
        RecordHeaders headers = new RecordHeaders();
        headers.add(RecordParts.HEADER, part.header());

        assertThat(RecordParts.of(headers)).contains(part);
        assertThat(part.isLast()).isTrue();
        assertThat(RecordParts.of(new RecordHeaders())).isEmpty();
    }

    @Test
    void aMalformedPartsHeaderOrAnImpossiblePartIsRefusedNamingIt() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RecordParts.HEADER, "send 1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> RecordParts.of(headers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'send 1'").hasMessageContaining("<send id> <index> <count>");
        RecordHeaders outOfRange = new RecordHeaders();
        outOfRange.add(RecordParts.HEADER, "send 3 3".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RecordParts.of(outOfRange)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("part 3 of 3");
        assertThatThrownBy(() -> new RecordParts.Part("s", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        parts.forEach(joined::writeBytes);
        return joined.toByteArray();
    }
}
