package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.plan.Workflows;
import org.hainstall.core.remote.ShellFactory;
import org.hainstall.core.usecase.ConfigCheck;
import org.hainstall.core.usecase.NotBuiltException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The create and modify subcommands, with stand-ins for the config loader, the node steps, SSH and secrets. */
class CliTest {
    @TempDir
    Path dir;

    private Path configFile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeNode n1 = new FakeNode("n1");
    private final FakeNode n2 = new FakeNode("n2");
    private final List<String> opened = new ArrayList<>();
    private ConfigSource configs;
    private Workflows workflows;
    private List<Problem> validationProblems = List.of();
    private String stdin = "";
    private final SecretsView secrets = new SecretsView() {
        @Override
        public String heartbeatAuthKey() {
            return "test-auth-key-0123456789";
        }

        @Override
        public String drbdSecret(String resourceName) {
            return "test-drbd-secret-0123456789";
        }
    };

    static final ClusterConfig CONFIG = new ClusterConfig(new ClusterConfig.ClusterInfo("sales-db", null), null,
            null, null, null, null, null,
            List.of(new ClusterConfig.Node("n1", "192.168.122.11", "10.10.0.11", true, null, null),
                    new ClusterConfig.Node("n2", "192.168.122.12", "10.10.0.12", null, null, null)),
            null, null, null, null, null);

    @BeforeEach
    void setUp() throws Exception {
        configFile = Files.writeString(dir.resolve("sales-db.yaml"), "# read by the stand-in loader\n");
        configs = (file, overrides) -> CONFIG;
        workflows = steps(List.of(new CliStep(StepId.onNode("packages", "n1"), CliStep.Kind.CHANGE),
                new CliStep(StepId.onNode("packages", "n2"), CliStep.Kind.CHANGE),
                new CliStep(StepId.cluster("drbd-connect"), CliStep.Kind.CHANGE, "packages")));
    }

    private static Workflows steps(List<Step> steps) {
        return new Workflows() {
            @Override
            public List<Step> modify(ClusterConfig config) {
                return steps;
            }

            @Override
            public List<Step> create(ClusterConfig config) {
                return steps;
            }

            @Override
            public ShellFactory blankShells(ClusterConfig config) {
                return (cfg, node) -> new FakeNode(node.name());
            }
        };
    }

    private int run(String... args) {
        ShellFactory ssh = (config, node) -> {
            opened.add(node.name());
            return Map.of("n1", n1, "n2", n2).get(node.name());
        };
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        ConfigCheck validator = config -> validationProblems;
        WorkflowCli cli = new WorkflowCli(configs, validator, workflows, ssh, (f, c) -> secrets, terminal,
                Clock.systemUTC(), false);
        return Launcher.run(Guice.createInjector(Modules.override(new AppModule()).with(new AbstractModule() {
            @Override
            protected void configure() {
                bind(WorkflowCli.class).toInstance(cli);
            }
        })), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void modifyDryRunShowsEachNodesChangesAndChangesNothing() {
        int exit = run("modify", "--config", configFile.toString(), "--dry-run");
        assertThat(exit).isEqualTo(0);
        assertThat(out()).contains("hainstall modify --dry-run: cluster sales-db")
                .contains("n1\n  + packages").contains("run: setup packages").contains("cluster-wide");
        assertThat(n1.uploads()).isEmpty();
        assertThat(n1.commands()).isEmpty(); // no lock taken, nothing run: these test steps read no facts
        assertThat(dir.resolve("sales-db.state")).doesNotExist();
    }

    @Test
    void createDryRunContactsNoNode() {
        int exit = run("create", "--config", configFile.toString(), "--dry-run");
        assertThat(exit).isEqualTo(0);
        assertThat(opened).isEmpty();
        assertThat(out()).contains("(blank nodes assumed; nothing contacted)").contains("+ drbd-connect");
    }

    @Test
    void createDryRunPrintsJsonOnRequest() {
        int exit = run("create", "--config", configFile.toString(), "--dry-run", "--json");
        assertThat(exit).isEqualTo(0);
        assertThat(out()).startsWith("{").contains("\"kind\" : \"change\"");
    }

    @Test
    void unreadableConfigExitsTwoNamingTheFileAndPath() {
        configs = (file, overrides) -> {
            throw new BadConfigException("cannot be read", List.of(
                    Problem.error("nodes[1].address", ProblemCode.CONFIG_SYNTAX, "line 42, column 7: unexpected ':'")));
        };
        int exit = run("modify", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("sales-db.yaml").contains("nodes[1].address").contains("line 42");
        assertThat(opened).isEmpty();
    }

    @Test
    void invalidConfigExitsTwoBeforeAnyNodeIsContacted() {
        validationProblems = List.of(Problem.error("nodes[1].address", ProblemCode.ADDRESS_DUPLICATE,
                "the same address as nodes[0]"));
        int exit = run("modify", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("ADDRESS_DUPLICATE").contains("nothing was done");
        assertThat(opened).isEmpty();
    }

    @Test
    void passesSetOverridesToTheLoader() {
        List<String> seen = new ArrayList<>();
        configs = (file, overrides) -> {
            seen.addAll(overrides);
            return CONFIG;
        };
        run("modify", "--config", configFile.toString(), "--dry-run", "--set", "nodes[1].address=192.168.122.22");
        assertThat(seen).containsExactly("nodes[1].address=192.168.122.22");
    }

    @Test
    void missingWorkflowExitsThreeAndSaysWhatIsNotBuilt() {
        workflows = new Workflows() {
            @Override
            public List<Step> modify(ClusterConfig config) {
                throw new NotBuiltException("the node steps (modify workflow)");
            }

            @Override
            public List<Step> create(ClusterConfig config) {
                throw new NotBuiltException("the create workflow");
            }

            @Override
            public ShellFactory blankShells(ClusterConfig config) {
                return (cfg, node) -> new FakeNode(node.name());
            }
        };
        int exit = run("modify", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(3);
        assertThat(err()).contains("node steps").contains("not built yet").contains("nothing was done");
    }

    @Test
    void modifyShowsProgressPerNodeAndPrintsTheRunFolder() throws Exception {
        int exit = run("modify", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(0);
        assertThat(out()).containsPattern("n1 +packages +started")
                .containsPattern("n2 +packages +changed +\\d+\\.\\ds +set up packages")
                .containsPattern("cluster +drbd-connect +changed")
                .contains("3 changed");
        String folderLine = out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow();
        Path folder = Path.of(folderLine.substring("run folder: ".length()));
        assertThat(folder).startsWith(dir.resolve("sales-db.state/runs"));
        assertThat(folder.resolve("events.jsonl")).exists();
        assertThat(java.nio.file.Files.getPosixFilePermissions(folder.resolve("hainstall.log")))
                .as("the run's copy of the log, beside its events").isEqualTo(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(n1.commands()).contains("setup packages");
        assertThat(out()).doesNotContain("| ran setup packages");
    }

    @Test
    void verboseShowsCommandOutputPrefixedWithItsNode() {
        run("modify", "--config", configFile.toString(), "--yes", "--verbose");
        assertThat(out()).containsPattern("n2 +\\| ran setup packages");
    }

    @Test
    void failedStepExitsOneAndSkipsItsDependants() {
        workflows = steps(List.of(new CliStep(StepId.onNode("packages", "n1"), CliStep.Kind.FAIL),
                new CliStep(StepId.onNode("packages", "n2"), CliStep.Kind.CHANGE),
                new CliStep(StepId.cluster("drbd-connect"), CliStep.Kind.CHANGE, "packages")));
        int exit = run("modify", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(1);
        assertThat(out()).contains("n1/packages: setup packages failed with exit 1")
                .containsPattern("cluster +drbd-connect +skipped +not started: n1/packages failed")
                .contains("run folder: ");
    }

    @Test
    void withoutYesAndWithoutAnAnswerNothingRuns() {
        int exit = run("modify", "--config", configFile.toString());
        assertThat(exit).isEqualTo(4);
        assertThat(err()).contains("use --yes").contains("Nothing was done");
        assertThat(opened).isEmpty();
    }

    @Test
    void answeringYesToTheConfirmationRuns() {
        stdin = "y\n";
        int exit = run("modify", "--config", configFile.toString());
        assertThat(exit).isEqualTo(0);
        assertThat(out()).contains("will bring n1 (192.168.122.11), n2 (192.168.122.12)");
    }

    @Test
    void aPromptWithNoTerminalInputFailsItsStepClearly() {
        workflows = steps(List.of(new CliStep(StepId.onNode("power-on", "n1"), CliStep.Kind.PROMPT)));
        int exit = run("create", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(1);
        assertThat(out()).contains(">>> n1: Power on n1")
                .contains("no terminal input to answer the prompt \"Power on n1\" for n1");
    }

    @Test
    void aPromptIsAnsweredWithEnter() {
        stdin = "\n";
        workflows = steps(List.of(new CliStep(StepId.onNode("power-on", "n1"), CliStep.Kind.PROMPT)));
        int exit = run("create", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(0);
    }

    @Test
    void aClusterLockedByAnotherRunIsRefusedNamingTheHolder() {
        n2.lockedBy("run=20261126T000000Z-modify\nuser=bob\nhost=ws2\npid=777\nsince=2026-11-26T00:00:00Z\n");
        int exit = run("modify", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(1);
        String terminal = out() + err();
        assertThat(terminal).contains("n2: another hainstall run holds the lock")
                .contains("run 20261126T000000Z-modify by bob@ws2 (pid 777)");
        assertThat(terminal.indexOf("holds the lock")).as("said once")
                .isEqualTo(terminal.lastIndexOf("holds the lock"));
        assertThat(err()).contains("the run did not start; nothing was changed.");
        assertThat(n1.commands()).doesNotContain("setup packages");
        assertThat(n1.commands()).contains(org.hainstall.core.plan.NodeLock.REMOVE.line()); // n1's lock released
    }

    @Test
    void withTheAppsOwnWiringCreateDryRunPlansTheExampleAgainstBlankNodesAndContactsNothing() throws Exception {
        Path example = Files.copy(Path.of("../examples/cluster.yaml"), dir.resolve("example.yaml"));
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        int exit = Launcher.run(Guice.createInjector(Modules.override(new AppModule()).with(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Terminal.class).toInstance(terminal);
            }
        })), "create", "--config", example.toString(), "--dry-run");
        assertThat(exit).as(out() + "\n" + err()).isZero();
        assertThat(out()).contains("+ provision").contains("sales-db1").contains("sales-db2")
                .contains("sfdisk").contains("drbdadm");
        // A dry run generates nothing and writes no secret: no secrets folder appears beside the config.
        assertThat(dir.resolve("example.secrets")).doesNotExist();
    }

    @Test
    void aStepCatalogWithAnUnknownDependencyIsNamedBeforeAnyNodeIsContacted() {
        workflows = steps(List.of(new CliStep(StepId.onNode("lvm", "n1"), CliStep.Kind.CHANGE, "pakages")));
        int exit = run("modify", "--config", configFile.toString(), "--yes");
        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("n1/lvm depends on \"pakages\"");
        assertThat(opened).isEmpty();
    }
}
