package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepGraphTest {

    @Test
    void nodeStepDependsOnTheSameNamedStepOfItsOwnNode() {
        StepGraph graph = new StepGraph(List.of(
                ScriptedStep.on("n1", "packages"), ScriptedStep.on("n2", "packages"),
                ScriptedStep.on("n1", "ntp", "packages")));
        assertThat(graph.dependenciesOf(StepId.onNode("ntp", "n1"))).containsExactly(StepId.onNode("packages", "n1"));
    }

    @Test
    void clusterWideStepWaitsForThatStepOnEveryNode() {
        StepGraph graph = new StepGraph(List.of(
                ScriptedStep.on("n1", "drbd-up"), ScriptedStep.on("n2", "drbd-up"),
                ScriptedStep.cluster("drbd-connect", "drbd-up"),
                ScriptedStep.on("n1", "filesystems", "drbd-connect")));
        assertThat(graph.dependenciesOf(StepId.cluster("drbd-connect")))
                .containsExactlyInAnyOrder(StepId.onNode("drbd-up", "n1"), StepId.onNode("drbd-up", "n2"));
        assertThat(graph.dependenciesOf(StepId.onNode("filesystems", "n1")))
                .containsExactly(StepId.cluster("drbd-connect"));
        assertThat(graph.transitiveDependantsOf(StepId.onNode("drbd-up", "n2")))
                .containsExactlyInAnyOrder(StepId.cluster("drbd-connect"), StepId.onNode("filesystems", "n1"));
    }

    @Test
    void rejectsADependencyThatNamesNoStep() {
        assertThatThrownBy(() -> new StepGraph(List.of(ScriptedStep.on("n1", "ntp", "pakages"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n1/ntp").hasMessageContaining("pakages");
    }

    @Test
    void rejectsStepsThatDependOnEachOtherInACircle() {
        assertThatThrownBy(() -> new StepGraph(List.of(
                ScriptedStep.on("n1", "a", "c"), ScriptedStep.on("n1", "b", "a"), ScriptedStep.on("n1", "c", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("circle");
    }

    @Test
    void rejectsADuplicateStep() {
        assertThatThrownBy(() -> new StepGraph(List.of(ScriptedStep.on("n1", "a"), ScriptedStep.on("n1", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate step n1/a");
    }
}
