package org.gorchestrator.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * The ids of the nodes the engine changed since they were last {@link #drain drained}, each once: how the
 * conductor's writer finds what to store and publish in O(changed nodes) rather than comparing every
 * node of the workflow after each input.
 */
final class ChangedNodes {
    private final BitSet marks = new BitSet();
    private int[] ids = new int[4];
    private int count;

    void add(int id) {
        if (!marks.get(id)) {
            marks.set(id);
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = id;
        }
    }

    /** Hands each changed id to {@code consumer}, in the order of their first change, and forgets them. */
    void drain(IntConsumer consumer) {
        for (int i = 0; i < count; i++) {
            marks.clear(ids[i]);
            consumer.accept(ids[i]);
        }
        count = 0;
    }
}
