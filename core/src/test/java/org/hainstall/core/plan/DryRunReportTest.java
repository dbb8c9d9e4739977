package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.junit.jupiter.api.Test;

/**
 * The dry run's text and JSON against golden files (as drbd-utils does for its own dry runs). After an intended
 * change of the format, regenerate with {@code -Dhainstall.updateGolden=true} and review the diff.
 */
class DryRunReportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/org/hainstall/core/plan");
    private static final String SECRET = "5a1d-heartbeat-auth-key-e3c9";

    /** A small catalog whose checks read facts through the shell, as the node steps do. */
    private static List<Step> steps() {
        Step packages = new FactStep("packages", Command.of("dpkg-query", "-W", "-f=${Status}", "drbd-utils"),
                r -> r.ok() ? null : Check.change("install drbd-utils heartbeat",
                        List.of(new Action.Run(Command.of("apt-get", "install", "-y", "drbd-utils", "heartbeat")))));
        Step hostname = new FactStep("hostname", Command.of("uname", "-n"), r -> null);
        Step authkeys = new FactStep("heartbeat-authkeys", Command.of("cat", "/etc/ha.d/authkeys"),
                r -> Check.change("write Heartbeat's authkeys", List.of(new Action.WriteFile("/etc/ha.d/authkeys",
                        "auth 1\n1 sha1 " + SECRET + "\n", 0600, true))), "packages");
        Step chrony = new FactStep("ntp", Command.of("cat", "/etc/chrony/chrony.conf"),
                r -> Check.change("configure chrony", List.of(
                        new Action.WriteFile("/etc/chrony/chrony.conf", "server 0.debian.pool.ntp.org iburst\n"
                                + "server 1.debian.pool.ntp.org iburst\n", 0644, false),
                        new Action.Run(Command.of("systemctl", "restart", "chrony")))), "packages");
        Step lvm = new FactStep("lvm", Command.of("vgs", "--reportformat", "json"), r -> {
            throw new IllegalStateException("never reached: vgs is not installed on a blank node");
        }, "packages");
        Step unknownFact = new FactStep("backup", Command.of("crontab", "-l", "-u", "db2inst1"), r -> null);
        List<Step> all = new java.util.ArrayList<>();
        for (String node : List.of("sales-db2", "sales-db1")) {
            for (Step s : List.of(packages, hostname, authkeys, chrony, lvm, unknownFact)) {
                all.add(((FactStep) s).on(node));
            }
        }
        all.add(new FactStep("drbd-connect", null, r -> Check.change("connect the DRBD resources",
                List.of(Action.on("sales-db1", new Action.Run(Command.of("drbdadm", "connect", "all"))),
                        Action.on("sales-db2", new Action.Run(Command.of("drbdadm", "connect", "all"))))), "lvm")
                .on(null));
        return all;
    }

    private static Plan plan() throws Exception {
        ClusterConfig config = new ClusterConfig(new ClusterConfig.ClusterInfo("sales-db", null), null, null, null,
                null, null, null, List.of(
                new ClusterConfig.Node("sales-db1", "192.168.122.11", "10.10.0.11", true, null, null),
                new ClusterConfig.Node("sales-db2", "192.168.122.12", "10.10.0.12", null, null, null)),
                null, null, null, null, null);
        RunSession session = new RunSession(config, steps(), new NotCreatedNodes(),
                Runs.NO_SECRETS, Runs.ANSWER_DONE, e -> { }, new StateFolder(Path.of("unused")), Clock.systemUTC(),
                RunSession.Options.dryRun(RunMode.CREATE));
        return session.run().plan();
    }

    @Test
    void createDryRunTextMatchesTheGoldenFile() throws Exception {
        String text = new DryRunReport("hainstall create --dry-run: cluster sales-db (blank nodes, nothing contacted)")
                .text(plan());
        assertGolden("create-dry-run.txt", text);
        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void createDryRunJsonMatchesTheGoldenFile() throws Exception {
        String json = new DryRunReport("hainstall create --dry-run: cluster sales-db").json(plan());
        assertGolden("create-dry-run.json", json);
        assertThat(json).doesNotContain(SECRET);
    }

    @Test
    void theSameDryRunTwiceGivesTheSameText() throws Exception {
        DryRunReport report = new DryRunReport("h");
        assertThat(report.text(plan())).isEqualTo(report.text(plan()));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("hainstall.updateGolden")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Runs one fact command and decides from its result (null decision: satisfied). */
    private static final class FactStep implements Step {
        interface Decide {
            Check decide(CommandResult facts);
        }

        private final String name;
        private final Command fact;
        private final Decide decide;
        private final java.util.Set<String> deps;
        private final String node;

        FactStep(String name, Command fact, Decide decide, String... deps) {
            this(name, fact, decide, java.util.Set.of(deps), null);
        }

        private FactStep(String name, Command fact, Decide decide, java.util.Set<String> deps, String node) {
            this.name = name;
            this.fact = fact;
            this.decide = decide;
            this.deps = deps;
            this.node = node;
        }

        FactStep on(String nodeName) {
            return new FactStep(name, fact, decide, deps, nodeName);
        }

        @Override
        public StepId id() {
            return new StepId(name, node);
        }

        @Override
        public String title() {
            return name;
        }

        @Override
        public java.util.Set<String> dependsOn() {
            return deps;
        }

        @Override
        public Check check(StepContext ctx) throws StepException {
            CommandResult facts = null;
            if (fact != null) {
                try {
                    facts = ctx.shell().run(fact, java.time.Duration.ofSeconds(5), ctx.output());
                } catch (org.hainstall.core.remote.RemoteException e) {
                    throw new StepException(id(), e.getMessage(), e);
                }
                if (facts.exitCode() == 127) {
                    throw new StepException(id(), "`" + fact.line() + "`: command not found");
                }
            }
            Check decided = decide.decide(facts);
            return decided == null ? Check.satisfied(name + " is as the config asks") : decided;
        }
    }

    static Map<String, String> unused() {
        return Map.of();
    }
}
