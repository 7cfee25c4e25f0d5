package org.gorchestrator.worker.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TailSinkTest {

    @Test
    void keepsEverythingWithinTheLimit() {
        TailSink sink = new TailSink(100);
        sink.line(OutputChannel.STDOUT, "one");
        sink.line(OutputChannel.STDOUT, "two");
        sink.line(OutputChannel.STDERR, "err");

        assertThat(sink.tail(OutputChannel.STDOUT)).isEqualTo("one\ntwo");
        assertThat(sink.tail(OutputChannel.STDERR)).isEqualTo("err");
    }

    @Test
    void keepsTheLastLinesBehindAMarkerCountingTheDroppedBytes() {
        TailSink sink = new TailSink(10);
        sink.line(OutputChannel.STDOUT, "aaaa"); // 5 bytes with its newline
        sink.line(OutputChannel.STDOUT, "bbbb");
        sink.line(OutputChannel.STDOUT, "cccc");

        assertThat(sink.tail(OutputChannel.STDOUT)).isEqualTo("…[truncated 5 bytes]\nbbbb\ncccc");
    }

    @Test
    void keepsTheEndOfALineLongerThanTheLimit() {
        TailSink sink = new TailSink(5);
        sink.line(OutputChannel.STDOUT, "0123456789");

        assertThat(sink.tail(OutputChannel.STDOUT)).isEqualTo("…[truncated 6 bytes]\n6789");
    }
}
