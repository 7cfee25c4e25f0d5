package org.gorchestrator.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Submitter;
import org.gorchestrator.test.Graphs;
import org.junit.jupiter.api.Test;

class CallerTest {
    private static final Submitter ALICE = new Submitter("alice", "ci");
    private static final Graph ALICES = Graphs.seedExampleWith("shell").withId("wf-1").withSubmitter(ALICE);
    private static final Graph NOBODYS = Graphs.seedExampleWith("shell").withId("wf-2");

    private static Caller caller(String subject, boolean admin, Set<String> engines) {
        return new Caller(new Submitter(subject, null), admin, engines, engine -> "gorch.engine." + engine);
    }

    @Test
    void aSubjectSeesItsOwnTasksOnly() {
        Caller alice = caller("alice", false, Set.of());
        Caller bob = caller("bob", false, Set.of());

        assertThat(alice.mayAccess(ALICES)).isTrue();
        assertThat(bob.mayAccess(ALICES)).isFalse();
        assertThat(alice.mayAccess(NOBODYS)).isFalse();
        assertThatThrownBy(() -> bob.requireAccess(ALICES)).isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void anAdminAndAnUnauthenticatedApiSeeEverything() {
        assertThat(caller("root", true, Set.of()).mayAccess(ALICES)).isTrue();
        assertThat(caller("root", true, Set.of()).mayAccess(NOBODYS)).isTrue();
        assertThat(Caller.UNRESTRICTED.mayAccess(ALICES)).isTrue();
    }

    @Test
    void theFirstNodeOfAnEngineNotGrantedIsNamed() {
        Graph mixed = Graphs.seedExampleWith("docker");
        String first = mixed.nodes().get(0).displayName();

        assertThatCode(() -> caller("alice", false, Set.of("docker")).checkEngines(mixed)).doesNotThrowAnyException();
        assertThatThrownBy(() -> caller("alice", true, Set.of("shell")).checkEngines(mixed))
                .isInstanceOfSatisfying(EngineNotAllowedException.class, e -> {
                    assertThat(e.engine()).isEqualTo("docker");
                    assertThat(e.node()).isEqualTo(first);
                    assertThat(e.scope()).isEqualTo("gorch.engine.docker");
                });
        assertThatCode(() -> Caller.UNRESTRICTED.checkEngines(mixed)).doesNotThrowAnyException();
    }
}
