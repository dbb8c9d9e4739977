package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.SshServerExtension;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrustCommandTest {
    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    private Path configFile;
    private Path loginKey;
    private ClusterConfig cluster;
    /** stdout and stderr together, as the admin's terminal shows them. */
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        configFile = tmp.resolve("sales-db.yaml");
        cluster = new ClusterConfig(new ClusterConfig.ClusterInfo("sales-db", null), null,
                new ClusterConfig.Access("root", sshd.port()), null, null, null, null,
                List.of(new ClusterConfig.Node("node1", "127.0.0.1", null, true, null, null)),
                null, null, null, null, null);
        SshKeyPair own = new KeyGenerator().ed25519();
        loginKey = Files.createFile(tmp.resolve("id_ed25519"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(loginKey, own.toOpenSshPrivateKey(""));
        sshd.authorize(own.publicKey());
        SecretsStore store = SecretsStore.besideConfig(configFile);
        sshd.on(c -> c.startsWith("umask 077 && mkdir -p ~/.ssh"), ctx -> {
            sshd.authorize(store.adminPublicKey().orElseThrow());
            ctx.stdout().println("installed");
            return 0;
        });
        sshd.on("true", SshServerExtension.print(0));
    }

    private int run(String answers, String... args) {
        return execute(new TrustCommand(file -> cluster, new StringReader(answers)), args);
    }

    private int execute(TrustCommand command, String... args) {
        PrintWriter terminal = new PrintWriter(out, true);
        return new CommandLine(command).setOut(terminal).setErr(terminal).execute(args);
    }

    @Test
    void pinsAfterTheAdminTypesYesAndInstallsTheGeneratedClusterKey() {
        int exit = run("yes\n", "--config", configFile.toString(), "--login-key", loginKey.toString());
        assertThat(exit).as(out.toString()).isZero();
        SecretsStore store = SecretsStore.besideConfig(configFile);
        assertThat(store.pinnedHostKey("node1")).contains(sshd.hostKey());
        assertThat(out.toString()).contains(sshd.hostKey().fingerprint(), "Generated the cluster's admin SSH key");
    }

    @Test
    void anythingButYesPinsNothingAndFails() {
        int exit = run("y\n", "--config", configFile.toString(), "--login-key", loginKey.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(SecretsStore.besideConfig(configFile).pinnedHostKey("node1")).isEmpty();
        assertThat(out.toString()).contains("not confirmed");
    }

    @Test
    void aWrongExpectedFingerprintFailsWithBoth() {
        String wrong = new KeyGenerator().ed25519().fingerprint();
        int exit = run("", "--config", configFile.toString(), "--login-key", loginKey.toString(),
                "--fingerprint", "node1=" + wrong);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(wrong, sshd.hostKey().fingerprint());
    }

    @Test
    void aMalformedConfigExitsTwoAndNothingIsDone() throws Exception {
        Path broken = configFile.resolveSibling("broken.yaml");
        java.nio.file.Files.writeString(broken, "cluster: [unclosed\n");
        TrustCommand command = new TrustCommand(TrustCommand.STRICT_LOADER, new StringReader(""));
        assertThat(execute(command, "--config", broken.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("broken.yaml", "nothing was done");
        assertThat(sshd.connectionsOpened()).isZero();
    }
}
