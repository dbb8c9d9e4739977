package org.hainstall.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.LocalShell;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.workflow.NodeStepCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

/**
 * The probe script run by a real {@code sh} (through {@link LocalShell}, on harmless commands in a temp folder),
 * its output read back, and the scripts the steps send checked by shellcheck.
 */
class ProbeTest {
    @TempDir
    Path dir;

    private Map<String, CommandResult> runLocally(List<Fact> facts) throws RemoteException {
        return Probe.of(facts).run(new LocalShell("here", false, dir));
    }

    @Test
    void readsEachFactsOutputExitStatusAndLastErrorLineExactly() throws Exception {
        Files.writeString(dir.resolve("f"), "line one\nno newline at the end", StandardCharsets.UTF_8);
        Fact printf = Fact.of(Part.OS, "printf", Command.of("printf", "%s\\n%s", "a b", "@@hainstall-x fact y"));
        Fact empty = Fact.of(Part.OS, "empty", Command.of("true"));
        Fact failing = Fact.of(Part.OS, "failing",
                Command.of("sh", "-c", "echo partial; echo first >&2; echo second >&2; exit 4"));
        Fact missingTool = Fact.of(Part.OS, "missing tool", Command.of("hainstall-no-such-tool", "--json"));
        Fact file = Fact.file(Part.OS, dir.resolve("f").toString());
        Fact noFile = Fact.file(Part.OS, dir.resolve("none").toString());
        Fact digest = Fact.digest(Part.OS, dir.resolve("f").toString());

        Map<String, CommandResult> r = runLocally(List.of(printf, empty, failing, missingTool, file, noFile, digest));

        assertThat(r.get("printf")).isEqualTo(new CommandResult(0, "a b\n@@hainstall-x fact y", ""));
        assertThat(r.get("empty")).isEqualTo(new CommandResult(0, "", ""));
        assertThat(r.get("failing")).isEqualTo(new CommandResult(4, "partial\n", "second"));
        assertThat(r.get("missing tool").exitCode()).isEqualTo(127);
        FileState f = FileState.of(file, r.get(file.name()));
        assertThat(f.content()).isEqualTo("line one\nno newline at the end");
        assertThat(f.mode()).matches("[0-7]{3}");
        assertThat(FileState.of(noFile, r.get(noFile.name())).exists()).isFalse();
        FileState d = FileState.of(digest, r.get(digest.name()));
        assertThat(d.content()).isNull();
        assertThat(d.holds("line one\nno newline at the end", Integer.parseInt(f.mode(), 8))).isTrue();
        assertThat(d.holds("something else", Integer.parseInt(f.mode(), 8))).isFalse();
    }

    @Test
    void noFactCanReadTheRestOfTheScriptFromStandardInput() throws Exception {
        Fact cat = Fact.of(Part.OS, "cat", Command.of("cat"));
        Fact after = Fact.of(Part.OS, "after", Command.of("echo", "still read"));
        Map<String, CommandResult> r = runLocally(List.of(cat, after));
        assertThat(r.get("cat").stdout()).isEmpty();
        assertThat(r.get("after").stdout()).isEqualTo("still read\n");
    }

    @Test
    void valuesStayArgumentsAndNeverBecomeScript() throws Exception {
        String hostile = "$(touch " + dir.resolve("pwned") + "); `id`";
        Map<String, CommandResult> r = runLocally(List.of(Fact.of(Part.OS, "name with 'quotes' and $x",
                Command.of("printf", "%s", hostile))));
        assertThat(r.get("name with 'quotes' and $x").stdout()).isEqualTo(hostile);
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void outputThatEndsInsideAFactIsAnErrorNotAnEmptyFact() {
        String b = "@@hainstall-0011";
        assertThatThrownBy(() -> Probe.parse(b + " fact a\npartial", b)).hasMessageContaining("ends early");
        assertThat(Probe.parse(Probe.format(b, "a", new CommandResult(0, "x\n", "")), b))
                .containsEntry("a", new CommandResult(0, "x\n", ""));
    }

    @Test
    void aModelAnswersAScriptFactByFactAsTheScriptWould() throws Exception {
        Fact a = Fact.of(Part.OS, "a name", Command.of("echo", "it's"));
        Fact b = Fact.file(Part.OS, "/etc/x y");
        String script = Probe.of(List.of(a, b)).script();
        List<String> asked = new ArrayList<>();
        String out = Probe.answer(script, "@@b", c -> {
            asked.add(c.line());
            return new CommandResult(c.line().startsWith("echo") ? 0 : 3, "z\n", "");
        });
        assertThat(asked).containsExactly(a.command().line(), b.command().line());
        assertThat(Probe.parse(out, "@@b")).containsOnlyKeys("a name", "file /etc/x y");
    }

    @Test
    void theScriptsTheStepsSendAreCleanUnderShellcheck() throws Exception {
        ClusterConfig lab = new ConfigLoader().load(Path.of("..", "lab", "cluster.yaml"));
        for (ClusterConfig config : List.of(lab, TestClusters.example())) {
            NodeSnapshots snapshots = new NodeSnapshots();
            ReadsFacts.expectAll(NodeStepCatalog.steps(config), snapshots);
            List<Fact> facts = snapshots.expected(config.nodes().get(0).name());
            assertThat(facts).hasSizeGreaterThan(40);
            Shellcheck.assertClean(Probe.of(facts).script(), dir, config.cluster().name());
        }
    }
}
