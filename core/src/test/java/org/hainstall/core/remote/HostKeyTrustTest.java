package org.hainstall.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshKeyPair;
import org.hainstall.core.secrets.SshPublicKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

class HostKeyTrustTest {
    static final SshOptions OPTIONS = new SshOptions(Duration.ofSeconds(20), Duration.ofSeconds(15),
            Duration.ofMillis(200), Duration.ofSeconds(30));
    static final HostKeyTrust.Confirmation NEVER_ASKED = (node, address, offered, previous) -> {
        throw new AssertionError("the admin should not have been asked");
    };

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    private final KeyGenerator keys = new KeyGenerator();
    private SecretsStore store;
    private SshKeyPair clusterKey;
    private SshLogin adminLogin;
    private ClusterConfig config;
    private ClusterConfig.Node node1;

    @BeforeEach
    void setUp() throws Exception {
        store = new SecretsStore(tmp.resolve("cluster.secrets"));
        clusterKey = keys.ed25519();
        store.writeAdminKey(clusterKey, "hainstall@test");
        // The admin's own key, which the node already accepts (it is not the cluster's key).
        SshKeyPair own = keys.ed25519();
        Path ownFile = Files.createFile(tmp.resolve("id_ed25519"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(ownFile, own.toOpenSshPrivateKey("admin@workstation"));
        sshd.authorize(own.publicKey());
        adminLogin = SshLogin.keyFile(ownFile);
        config = TestClusters.onLoopback(sshd.port(), "root");
        node1 = config.nodes().get(0);
        // Installing the key makes the node accept it, as appending to authorized_keys would.
        sshd.on(c -> c.startsWith("umask 077 && mkdir -p ~/.ssh"), ctx -> {
            sshd.authorize(clusterKey.publicKey());
            ctx.stdout().println("installed");
            return 0;
        });
        sshd.on("true", SshServerExtension.print(0));
    }

    @Test
    void fetchesTheOfferedHostKeyWithoutLoggingIn() throws Exception {
        SshPublicKey offered = new HostKeyTrust(store, OPTIONS).fetchHostKey("127.0.0.1", sshd.port(), "ssh-ed25519");
        assertThat(offered).isEqualTo(sshd.hostKey());
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void pinsAConfirmedKeyAndInstallsTheClusterKey() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HostKeyTrust.Result result = new HostKeyTrust(store, OPTIONS).trust(config, node1, Optional.empty(),
                (node, address, offered, previous) -> {
                    asked.add(node + " " + offered.fingerprint() + " " + previous.isPresent());
                    return true;
                }, adminLogin, Optional.empty());

        assertThat(asked).containsExactly("node1 " + sshd.hostKey().fingerprint() + " false");
        assertThat(store.pinnedHostKey("node1")).contains(sshd.hostKey());
        assertThat(result.fingerprint()).isEqualTo(sshd.hostKey().fingerprint());
        assertThat(result.pinChanged()).isTrue();
        assertThat(result.keyWasPresent()).isFalse();
        assertThat(sshd.commands()).hasSize(2);
        assertThat(sshd.commands().get(0)).contains(clusterKey.publicKey().line())
                .contains(">> ~/.ssh/authorized_keys").doesNotStartWith("sudo");
        assertThat(sshd.commands().get(1)).isEqualTo("true");
    }

    @Test
    void acceptsAMatchingFingerprintWithoutAsking() throws Exception {
        String given = sshd.hostKey().fingerprint().substring("SHA256:".length());
        new HostKeyTrust(store, OPTIONS).trust(config, node1, Optional.of(given), NEVER_ASKED, adminLogin,
                Optional.empty());
        assertThat(store.pinnedHostKey("node1")).contains(sshd.hostKey());
    }

    @Test
    void refusesAFingerprintThatDiffersFromTheExpectedOne() {
        String expected = keys.ed25519().fingerprint();
        RemoteException e = catchThrowableOfType(RemoteException.class, () -> new HostKeyTrust(store, OPTIONS)
                .trust(config, node1, Optional.of(expected), NEVER_ASKED, adminLogin, Optional.empty()));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.HOST_KEY);
        assertThat(e.getMessage()).contains("node1", expected, sshd.hostKey().fingerprint(), "nothing was pinned",
                "ssh-keygen -l");
        assertThat(store.pinnedHostKey("node1")).isEmpty();
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void pinsNothingWhenTheAdminDeclines() {
        RemoteException e = catchThrowableOfType(RemoteException.class, () -> new HostKeyTrust(store, OPTIONS)
                .trust(config, node1, Optional.empty(), (n, a, o, p) -> false, adminLogin, Optional.empty()));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.HOST_KEY);
        assertThat(store.pinnedHostKey("node1")).isEmpty();
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void showsThePreviousPinWhenTheKeyChanged() throws Exception {
        SshPublicKey old = keys.ed25519().publicKey();
        store.pin("node1", old);
        List<Optional<SshPublicKey>> previous = new CopyOnWriteArrayList<>();
        new HostKeyTrust(store, OPTIONS).trust(config, node1, Optional.empty(), (n, a, o, p) -> {
            previous.add(p);
            return true;
        }, adminLogin, Optional.empty());
        assertThat(previous).containsExactly(Optional.of(old));
        assertThat(store.pinnedHostKey("node1")).contains(sshd.hostKey());
    }

    @Test
    void reportsARefusedAdminLogin() throws Exception {
        SshKeyPair stranger = keys.ed25519();
        Path strangerFile = tmp.resolve("stranger");
        Files.createFile(strangerFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(strangerFile, stranger.toOpenSshPrivateKey(""));
        String given = sshd.hostKey().fingerprint();
        RemoteException e = catchThrowableOfType(RemoteException.class, () -> new HostKeyTrust(store, OPTIONS)
                .trust(config, node1, Optional.of(given), NEVER_ASKED, SshLogin.keyFile(strangerFile),
                        Optional.empty()));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("node1", strangerFile.toString(), "'root'");
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void installsForTheAccessUserThroughSudoWhenTheAdminLogsInAsSomeoneElse() throws Exception {
        ClusterConfig deployConfig = TestClusters.onLoopback(sshd.port(), "deploy");
        sshd.on(c -> c.startsWith("sudo -n -H -u deploy sh -c "), ctx -> {
            sshd.authorize(clusterKey.publicKey());
            ctx.stdout().println("installed");
            return 0;
        });
        new HostKeyTrust(store, OPTIONS).trust(deployConfig, deployConfig.nodes().get(0),
                Optional.of(sshd.hostKey().fingerprint()), NEVER_ASKED, adminLogin, Optional.of("alice"));
        assertThat(sshd.commands().get(0)).startsWith("sudo -n -H -u deploy sh -c ")
                .contains("authorized_keys");
        assertThat(sshd.commands().get(1)).isEqualTo("true");
    }

    @Test
    void installKeyCommandAddsTheKeyOnlyOnce() {
        String line = clusterKey.publicKeyLine("hainstall@test");
        String command = HostKeyTrust.installKeyCommand(line, null).line();
        assertThat(command).contains("grep -qF '" + clusterKey.publicKey().line() + "' ~/.ssh/authorized_keys")
                .contains("printf '%s\\n' '" + line + "' >> ~/.ssh/authorized_keys")
                .contains("chmod 700 ~/.ssh").contains("chmod 600 ~/.ssh/authorized_keys");
    }
}
