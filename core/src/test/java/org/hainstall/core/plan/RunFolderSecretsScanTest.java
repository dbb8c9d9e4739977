package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsScan;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.plan.StoreSecretsView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;
import org.hainstall.core.testing.TestShells;

/**
 * FAULTS 33 for what a run writes: a run whose steps write, echo and fail with the cluster's real secrets leaves a
 * state folder the secrets scan passes: no secret, log files 0600.
 */
class RunFolderSecretsScanTest {
    @TempDir
    Path dir;

    @Test
    void aRunThatHandledEverySecretLeavesAStateFolderTheScanPasses() throws Exception {
        Path configFile = dir.resolve("sales-db.yaml");
        Files.writeString(configFile, "cluster:\n  name: sales-db\n");
        SecretsStore store = SecretsStore.besideConfig(configFile);
        KeyGenerator keys = new KeyGenerator();
        store.writeAdminKey(keys.ed25519(), "hainstall@sales-db");
        store.writeHeartbeatAuthKey(keys.hex(32));
        store.writeDrbdSecret("r0", keys.hex(32));
        String authKey = store.heartbeatAuthKey().orElseThrow();
        String drbd = store.drbdSecret("r0").orElseThrow();
        ClusterConfig config = TestClusters.minimal("sales-db");
        InMemoryNodeShell n1 = new InMemoryNodeShell("n1");
        InMemoryNodeShell n2 = new InMemoryNodeShell("n2");
        n1.answer("cat /etc/ha.d/authkeys", c -> new CommandResult(0, "auth 1\n1 sha1 " + authKey + "\n", ""));
        ScriptedStep writes = ScriptedStep.on("n1", "heartbeat-authkeys")
                .actions(new Action.WriteFile("/etc/ha.d/authkeys", "auth 1\n1 sha1 " + authKey + "\n", 0600, true),
                        new Action.Run(Command.of("cat", "/etc/ha.d/authkeys")));
        ScriptedStep fails = ScriptedStep.on("n2", "drbd-config").onApply(ctx -> {
            String secret = ctx.secrets().drbdSecret("r0");
            ctx.output().line(OutputListener.Stream.STDOUT, "shared-secret \"" + secret + "\";");
            throw new StepException(ctx.stepId(), "drbdadm refused shared-secret " + secret);
        });

        RunSession.Result result = new RunSession(config, List.of(writes, fails),
                TestShells.byName(Map.of("n1", n1, "n2", n2)), new StoreSecretsView(store, List.of("r0")),
                Runs.ANSWER_DONE, e -> { }, StateFolder.forConfig(configFile), Clock.systemUTC(),
                RunSession.Options.apply(RunMode.MODIFY)).run();

        assertThat(result.run().anyFailed()).isTrue();
        assertThat(n1.file("/etc/ha.d/authkeys")).contains(authKey); // the node got it; the workstation kept none
        SecretsScan.Report report = SecretsScan.of(store).scan(List.of(
                SecretsScan.Target.of(result.runFolder().getParent().getParent()), SecretsScan.Target.of(configFile)));
        assertThat(report.findings()).isEmpty();
        assertThat(report.filesScanned()).isGreaterThanOrEqualTo(5);
        assertThat(Files.readString(result.runFolder().resolve("n2.log"))).doesNotContain(drbd);
    }
}
