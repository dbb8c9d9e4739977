package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.junit.jupiter.api.Test;

class BlankNodeShellTest {
    private final ClusterConfig.Node node = new ClusterConfig.Node("sales-db1", "192.168.122.11", null, true, null, null);
    private final BlankNodeShell shell = new BlankNodeShell(node, BlankNodeFacts.debianStub());

    @Test
    void answersAsAFreshDebianStub() throws Exception {
        assertThat(shell.run(Command.of("uname", "-n"), Duration.ofSeconds(1)).stdout()).isEqualTo("sales-db1\n");
        assertThat(shell.run(Command.of("dpkg-query", "-W", "drbd-utils"), Duration.ofSeconds(1)).exitCode())
                .isEqualTo(1);
        assertThat(shell.run(Command.of("test", "-e", "/etc/drbd.d/r0.res"), Duration.ofSeconds(1)).ok()).isFalse();
        assertThat(shell.run(Command.of("lvs", "--reportformat", "json"), Duration.ofSeconds(1)).exitCode())
                .isEqualTo(127);
    }

    @Test
    void aCommandNoRuleAnswersFailsNamingTheNodeAndTheCommand() {
        assertThatThrownBy(() -> shell.run(Command.of("crontab", "-l"), Duration.ofSeconds(1)))
                .isInstanceOf(RemoteException.class)
                .hasMessageContaining("sales-db1 (not created yet)").hasMessageContaining("`crontab -l`");
    }

    @Test
    void refusesToWriteAnything() {
        assertThatThrownBy(() -> shell.upload(new byte[] {1}, "/etc/hosts", 0644))
                .isInstanceOf(RemoteException.class).hasMessageContaining("writes nothing");
    }

    @Test
    void aRuleAddedLaterWinsOverTheStubsDefault() throws Exception {
        BlankNodeFacts facts = BlankNodeFacts.debianStub()
                .with(Command.of("cat", "/etc/os-release"), new CommandResult(0, "ID=debian\nVERSION_ID=\"12\"\n", ""))
                .with("lsblk --json .*", (n, c) -> new CommandResult(0, "{\"blockdevices\":[]}", ""));
        BlankNodeShell custom = new BlankNodeShell(node, facts);
        assertThat(custom.run(Command.of("cat", "/etc/os-release"), Duration.ofSeconds(1)).stdout()).contains("ID=debian");
        assertThat(custom.run(Command.of("cat", "/etc/ha.d/ha.cf"), Duration.ofSeconds(1)).ok()).isFalse();
        assertThat(custom.run(Command.of("lsblk", "--json", "/dev/vdb"), Duration.ofSeconds(1)).stdout())
                .isEqualTo("{\"blockdevices\":[]}");
    }
}
