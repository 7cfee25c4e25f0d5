package org.gorchestrator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NumberedKeysTest {
    private final NumberedKeys keys = new NumberedKeys(4);

    @Test
    void membersSortByNumberRightAfterTheirGroupAndBeforeTheNextGroup() {
        // Stored out of order, beside groups whose names extend this one's: a sorted store is what ranges run on.
        TreeMap<String, String> store = new TreeMap<>();
        store.put("wf-2", "header");
        store.put("wf-1", "header");
        store.put("wf-10", "header");
        for (int number : List.of(10, 2, 1000, 0, 9)) {
            store.put(keys.key("wf-1", number), "member " + number);
        }
        store.put(keys.key("wf-10", 0), "another group's member");

        assertThat(store.keySet()).containsExactly(
                "wf-1", keys.key("wf-1", 0), keys.key("wf-1", 2), keys.key("wf-1", 9), keys.key("wf-1", 10),
                keys.key("wf-1", 1000), "wf-10", keys.key("wf-10", 0), "wf-2");
        assertThat(store.subMap(NumberedKeys.first("wf-1"), true, NumberedKeys.after("wf-1"), true).values())
                .containsExactly("member 0", "member 2", "member 9", "member 10", "member 1000");
    }

    @Test
    void aGroupMayItselfBeAMemberOfAGroupAndItsMembersStillReadBack() {
        String send = NumberedKeys.first("wf-1") + "send-a";
        TreeMap<String, Integer> store = new TreeMap<>();
        IntStream.of(3, 1, 2).forEach(n -> store.put(keys.key(send, n), n));
        store.put(keys.key(NumberedKeys.first("wf-1") + "send-b", 0), 0);

        assertThat(store.subMap(NumberedKeys.first(send), true, NumberedKeys.after(send), true).keySet())
                .extracting(NumberedKeys::numberOf).containsExactly(1, 2, 3);
        assertThat(NumberedKeys.outermostGroup(keys.key(send, 1))).isEqualTo("wf-1");
    }

    @Test
    void tellsMembersFromGroups() {
        assertThat(keys.key("wf-1", 7)).isEqualTo("wf-1\u00000007");
        assertThat(NumberedKeys.numberOf(keys.key("wf-1", 7))).isEqualTo(7);
        assertThat(NumberedKeys.isMember(keys.key("wf-1", 7))).isTrue();
        assertThat(NumberedKeys.isMember("wf-1")).isFalse();
        assertThat(NumberedKeys.outermostGroup("wf-1")).isEqualTo("wf-1");
    }

    @Test
    void refusesNumbersThatWouldNotSortAndWidthsNoIntNeeds() {
        assertThatThrownBy(() -> keys.key("wf-1", 10_000)).hasMessageContaining("does not fit 4 digits");
        assertThatThrownBy(() -> keys.key("wf-1", -1)).hasMessageContaining("member -1");
        assertThatThrownBy(() -> new NumberedKeys(0)).hasMessageContaining("digits must be 1 to 10");
        assertThatThrownBy(() -> new NumberedKeys(11)).hasMessageContaining("digits must be 1 to 10");
        assertThat(new NumberedKeys(10).key("wf", Integer.MAX_VALUE)).endsWith("\u0000" + Integer.MAX_VALUE);
    }
}
