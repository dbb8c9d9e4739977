package org.hainstall.core.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Example;
import org.hainstall.core.plan.Plan;
import org.hainstall.core.plan.RunSession;
import org.hainstall.core.plan.SecretsView;
import org.hainstall.core.plan.StateFolder;
import org.hainstall.core.workflow.CoreWorkflows;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.hainstall.core.plan.RunMode;

/**
 * How long {@code create --dry-run} takes to plan the example config against blank nodes: every step's facts
 * read from the blank-node model and decided, the plan built. Run with {@code ./bench DryRunBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class DryRunBenchmark {
    private ClusterConfig config;
    private CoreWorkflows workflows;
    private StateFolder state;

    /** Placeholder secrets, as the dry run of create uses (it never reaches the step that generates them). */
    private static final SecretsView SECRETS = new SecretsView() {
        @Override
        public String heartbeatAuthKey() {
            return "0".repeat(64);
        }

        @Override
        public String drbdSecret(String resourceName) {
            return "1".repeat(48);
        }

        @Override
        public Collection<String> values() {
            return List.of(heartbeatAuthKey(), drbdSecret(""));
        }
    };

    @Setup
    public void setUp() throws Exception {
        config = Example.config();
        Path dir = Files.createTempDirectory("hainstall-bench");
        Path file = Files.copy(Example.path(), dir.resolve("cluster.yaml"));
        workflows = new CoreWorkflows(file);
        state = StateFolder.forConfig(file);
    }

    @Benchmark
    public Plan planCreateAgainstBlankNodes() throws Exception {
        RunSession session = new RunSession(config, workflows.create(config), workflows.blankShells(config), SECRETS,
                prompt -> {
                    throw new IllegalStateException("a dry run asks nothing");
                }, event -> { }, state, Clock.systemUTC(), RunSession.Options.dryRun(RunMode.CREATE));
        return session.run().plan();
    }
}
