package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshServerExtension;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SshKeyPair;
import org.hainstall.core.usecase.LiveClusterReader;
import org.hainstall.core.usecase.ReconstructCluster;
import org.hainstall.ui.Reconstruction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's reconstruct against a real SSH server whose commands are scripted (nothing runs on this machine). */
class GuiReconstructionTest {
    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    private Path loginKey;
    private GuiReconstruction reconstruction;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        SshKeyPair own = new KeyGenerator().ed25519();
        loginKey = Files.createFile(tmp.resolve("id_ed25519"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(loginKey, own.toOpenSshPrivateKey(""));
        sshd.authorize(own.publicKey());
        // The node answers its name and domain and nothing else, fact by fact, in the one look reconstruct takes.
        sshd.on(c -> c.startsWith("sh -s -- "), SshServerExtension.probe(c -> {
            asked.add(c.line());
            return switch (c.line()) {
                case "uname -n" -> new CommandResult(0, "sales-db1\n", "");
                case "hostname -d" -> new CommandResult(0, "example.org\n", "");
                default -> new CommandResult(1, "", "not on this node");
            };
        }));
        reconstruction = new GuiReconstruction(() -> new ReconstructCluster(new LiveClusterReader(SshOptions.DEFAULTS),
                ConfigLoader::new), Runnable::run);
    }

    @Test
    void readsTheNodeWithThePinnedFingerprintAndListsWhatItCouldNotRead() throws Exception {
        Reconstruction.Result result = reconstruction.from(Reconstruction.Request.withFingerprint("127.0.0.1",
                sshd.hostKey().fingerprint(), loginKey, "root", sshd.port())).get(30, TimeUnit.SECONDS);

        assertThat(sshd.commands()).hasSize(1);
        assertThat(asked).contains("uname -n", "hostname -d", "cat /etc/ha.d/ha.cf");
        assertThat(result.config().nodes().get(0).name()).isEqualTo("sales-db1");
        // This node answers nothing else: every gap is named, none is silently filled.
        assertThat(result.unreadable()).isNotEmpty()
                .anyMatch(u -> u.startsWith("heartbeat") || u.contains("ha.cf"));
    }

    @Test
    void aHostKeyOtherThanTheGivenFingerprintIsRefusedAndNothingRuns() {
        assertThatThrownBy(() -> reconstruction.from(Reconstruction.Request.withFingerprint("127.0.0.1",
                "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", loginKey, "root", sshd.port()))
                .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(RemoteException.class).hasMessageContaining("not the expected SHA256:AAAA")
                .hasMessageContaining("nothing was sent to it").hasMessageContaining("compare the key");
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void withoutAFingerprintNothingIsContacted() {
        assertThatThrownBy(() -> reconstruction.from(Reconstruction.Request.withFingerprint("127.0.0.1", " ",
                loginKey, "root", sshd.port())).get(30, TimeUnit.SECONDS)).cause()
                .hasMessageContaining("never trusts a host key on first use");
        assertThat(sshd.connectionsOpened()).isZero();
    }

    @Test
    void aHostThatIsNotANodeOfTheGivenConfigIsNamed() throws Exception {
        Path config = tmp.resolve("sales-db.yaml");
        Files.copy(Path.of("..", "examples", "cluster.yaml"), config);
        assertThatThrownBy(() -> reconstruction.from(Reconstruction.Request.withConfig("sales-db9", config))
                .get(30, TimeUnit.SECONDS)).cause().hasMessageContaining("sales-db9 is not a node of " + config);
        assertThat(sshd.connectionsOpened()).isZero();
    }
}
