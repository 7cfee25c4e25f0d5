package org.gorchestrator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gorchestrator.model.State.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionsTest {

    @ParameterizedTest(name = "node {0} -> {1}")
    @CsvSource({
        "INITIAL, TORUN", "INITIAL, CANCELED", "INITIAL, NOTRUNNABLE",
        "TORUN, RUNNING", "TORUN, SUCCESS", "TORUN, FAILURE", "TORUN, NOTRUNNABLE", "TORUN, CANCELED",
        "RUNNING, SUCCESS", "RUNNING, FAILURE", "RUNNING, CANCELED", "RUNNING, TIMEOUT",
        "FAILURE, TORUN", "CANCELED, TORUN", "NOTRUNNABLE, TORUN"
    })
    void legalNodeTransitionsPass(State from, State to) {
        assertThat(Transitions.nodeAllows(from, to)).isTrue();
        assertThat(Transitions.checkNode(from, to)).isEqualTo(to);
    }

    @ParameterizedTest(name = "node {0} -> {1}")
    @CsvSource({
        "SUCCESS, FAILURE", "SUCCESS, TORUN", "SUCCESS, RUNNING", "FAILURE, SUCCESS", "NOTRUNNABLE, RUNNING",
        "INITIAL, RUNNING", "INITIAL, SUCCESS", "RUNNING, NOTRUNNABLE", "CANCELED, SUCCESS", "RUNNING, INITIAL"
    })
    void illegalNodeTransitionsThrowNamingBothEnds(State from, State to) {
        assertThat(Transitions.nodeAllows(from, to)).isFalse();
        assertThatThrownBy(() -> Transitions.checkNode(from, to))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.to()).isEqualTo(to);
                })
                .hasMessageContaining("node")
                .hasMessageContaining(from.label() + " -> " + to.label());
    }

    @ParameterizedTest(name = "graph {0} -> {1}")
    @CsvSource({"INITIAL, RUNNING", "RUNNING, SUCCESS", "RUNNING, FAILURE", "RUNNING, CANCELED", "RUNNING, TIMEOUT", "INITIAL, CANCELED"})
    void legalGraphTransitionsPass(State from, State to) {
        assertThat(Transitions.checkGraph(from, to)).isEqualTo(to);
    }

    @ParameterizedTest(name = "graph {0} -> {1}")
    @CsvSource({"SUCCESS, RUNNING", "SUCCESS, FAILURE", "CANCELED, SUCCESS", "RUNNING, NOTRUNNABLE", "RUNNING, TORUN", "RUNNING, INITIAL"})
    void illegalGraphTransitionsThrowNamingBothEnds(State from, State to) {
        assertThatThrownBy(() -> Transitions.checkGraph(from, to))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.from()).isEqualTo(from))
                .hasMessageContaining("graph")
                .hasMessageContaining(from.label() + " -> " + to.label());
    }

    @Test
    void everyPairIsAnsweredAndCheckAgreesWithAllows() {
        for (State from : State.values()) {
            assertThat(Transitions.nodeAllows(from, from)).as("node %s stays %s is no transition", from, from).isFalse();
            for (State to : State.values()) {
                if (Transitions.nodeAllows(from, to)) {
                    assertThatCode(() -> Transitions.checkNode(from, to)).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> Transitions.checkNode(from, to)).isInstanceOf(IllegalTransitionException.class);
                }
                if (Transitions.graphAllows(from, to)) {
                    assertThatCode(() -> Transitions.checkGraph(from, to)).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> Transitions.checkGraph(from, to)).isInstanceOf(IllegalTransitionException.class);
                }
            }
        }
    }

    @Test
    void successIsFinalForNodesAndGraphs() {
        for (State to : State.values()) {
            assertThat(Transitions.nodeAllows(SUCCESS, to)).as("node success -> %s", to).isFalse();
            assertThat(Transitions.graphAllows(SUCCESS, to)).as("graph success -> %s", to).isFalse();
        }
    }
}
