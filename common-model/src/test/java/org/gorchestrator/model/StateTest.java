package org.gorchestrator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateTest {

    @ParameterizedTest
    @EnumSource(State.class)
    void parseAcceptsTheCodeTheDigitStringAndTheNameInAnyCase(State state) {
        assertThat(State.parse(state.code())).isEqualTo(state);
        assertThat(State.parse(String.valueOf(state.code()))).isEqualTo(state);
        assertThat(State.parse(" " + state.label() + " ")).isEqualTo(state);
        assertThat(State.parse(state.label().toUpperCase())).isEqualTo(state);
        assertThat(State.ofCode(state.code())).isEqualTo(state);
    }

    @Test
    void theSeedCodesAreKept() {
        assertThat(State.parse(0)).isEqualTo(State.INITIAL);
        assertThat(State.parse(5)).isEqualTo(State.NOTRUNNABLE);
        assertThat(State.parse(10)).isEqualTo(State.TIMEOUT);
        assertThat(State.parse(11)).isEqualTo(State.CANCELED);
        assertThat(State.parse(null)).isEqualTo(State.INITIAL);
    }

    @Test
    void unknownCodesAndNamesAreRejectedWithTheValue() {
        assertThatThrownBy(() -> State.parse(6)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6");
        assertThatThrownBy(() -> State.parse("-1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> State.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> State.parse("done")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("done");
    }

    @Test
    void onlyTheEndStatesAreFinished() {
        assertThat(State.INITIAL.isFinished()).isFalse();
        assertThat(State.TORUN.isFinished()).isFalse();
        assertThat(State.RUNNING.isFinished()).isFalse();
        for (State s : new State[] {State.SUCCESS, State.FAILURE, State.NOTRUNNABLE, State.TIMEOUT, State.CANCELED}) {
            assertThat(s.isFinished()).as(s.label()).isTrue();
        }
    }
}
