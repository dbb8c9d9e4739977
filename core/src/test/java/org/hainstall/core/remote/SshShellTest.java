package org.hainstall.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.secrets.SshKeyPair;
import org.hainstall.core.secrets.SshPublicKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.testing.TestClusters;

class SshShellTest {
    /** Short kill grace so the timeout test does not wait long; the timeouts themselves are not asserted. */
    static final SshOptions OPTIONS = new SshOptions(Duration.ofSeconds(20), Duration.ofSeconds(15),
            Duration.ofMillis(200), Duration.ofSeconds(30));
    static final Duration LONG = Duration.ofSeconds(30);

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    private final KeyGenerator keys = new KeyGenerator();
    private SecretsStore store;

    @BeforeEach
    void adminKey() {
        store = new SecretsStore(tmp.resolve("cluster.secrets"));
        SshKeyPair admin = keys.ed25519();
        store.writeAdminKey(admin, "hainstall@test");
        sshd.authorize(admin.publicKey());
    }

    private SshTarget target(String user, SshPublicKey pin) {
        return new SshTarget("node1", "127.0.0.1", sshd.port(), user, store.adminPrivateKeyFile(), pin,
                "test pin");
    }

    private SshShell connectAsRoot() throws RemoteException {
        return SshShell.connect(target("root", sshd.hostKey()), OPTIONS);
    }

    @Test
    void runsACommandAndStreamsItsLines() throws Exception {
        sshd.on("uname -n", SshServerExtension.output(0, List.of("node1", "second"), List.of("a warning")));
        List<String> seen = new CopyOnWriteArrayList<>();
        try (SshShell shell = connectAsRoot()) {
            CommandResult result = shell.run(Command.of("uname", "-n"), LONG,
                    (stream, line) -> seen.add(stream + ":" + line));
            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).isEqualTo("node1\nsecond\n");
            assertThat(result.stderr()).isEqualTo("a warning\n");
        }
        assertThat(seen).containsExactlyInAnyOrder("STDOUT:node1", "STDOUT:second", "STDERR:a warning");
        assertThat(seen.indexOf("STDOUT:node1")).isLessThan(seen.indexOf("STDOUT:second"));
    }

    @Test
    void refusesAChangedHostKeyNamingBothFingerprints() {
        SshPublicKey wrongPin = keys.ed25519().publicKey();
        RemoteException e = catchThrowableOfType(RemoteException.class,
                () -> SshShell.connect(target("root", wrongPin), OPTIONS));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.HOST_KEY);
        assertThat(e.getMessage()).contains("node1", wrongPin.fingerprint(), sshd.hostKey().fingerprint(),
                "nothing was sent", "`hainstall trust`");
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsOneSentenceNamingTheNodeItsPortAndWhatToDo() throws Exception {
        int closed = SshServerExtension.closedPort();
        SshTarget target = new SshTarget("node1", "127.0.0.1", closed, "root", store.adminPrivateKeyFile(),
                sshd.hostKey(), "test pin");
        RemoteException e = catchThrowableOfType(RemoteException.class, () -> SshShell.connect(target, OPTIONS));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.CONNECT);
        assertThat(e.getMessage()).startsWith("node1 (127.0.0.1:" + closed + ") refused the connection")
                .contains("nothing listens on port " + closed, "run the command again")
                .doesNotContain("Exception", "Connection refused");
    }

    @Test
    void refusesAnUnknownHostBeforeConnecting() throws Exception {
        var config = TestClusters.onLoopback(sshd.port(), "root");
        SshShellFactory factory = new SshShellFactory(store, OPTIONS);
        RemoteException e = catchThrowableOfType(RemoteException.class,
                () -> factory.open(config, config.nodes().get(0)));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.HOST_KEY);
        assertThat(e.getMessage()).contains("node1", "no pinned host key", "hainstall trust");
        assertThat(sshd.connectionsOpened()).isZero();
    }

    @Test
    void factoryUsesTheConfigsAddressUserPortAndThePinnedKey() throws Exception {
        var config = TestClusters.onLoopback(sshd.port(), "root");
        store.pin("node1", sshd.hostKey());
        sshd.on("true", SshServerExtension.print(0));
        try (Shell shell = new SshShellFactory(store, OPTIONS).open(config, config.nodes().get(0))) {
            assertThat(shell.nodeName()).isEqualTo("node1");
            assertThat(shell.run(Command.of("true"), LONG).ok()).isTrue();
        }
    }

    @Test
    void reportsFailedAuthenticationClearly() throws Exception {
        SecretsStore other = new SecretsStore(tmp.resolve("other.secrets"));
        other.writeAdminKey(keys.ed25519(), "not authorized");
        SshTarget target = new SshTarget("node1", "127.0.0.1", sshd.port(), "root", other.adminPrivateKeyFile(),
                sshd.hostKey(), "test pin");
        RemoteException e = catchThrowableOfType(RemoteException.class, () -> SshShell.connect(target, OPTIONS));
        assertThat(e.kind()).isEqualTo(RemoteException.Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("node1", "'root'", "refused", other.adminPrivateKeyFile().toString(),
                "install that key on the node with `hainstall trust`");
        assertThat(sshd.commands()).isEmpty();
    }

    @Test
    void killsACommandThatOutlivesItsTimeout() throws Exception {
        sshd.on("sleep infinity", SshServerExtension.hang());
        try (SshShell shell = connectAsRoot()) {
            RemoteException e = catchThrowableOfType(RemoteException.class,
                    () -> shell.run(Command.of("sleep", "infinity"), Duration.ofMillis(300)));
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("node1", "killed", "sleep infinity");
            Eventually.until(() -> sshd.destroyedCommands() == 1);
            assertThat(sshd.signals()).containsExactly("TERM", "KILL");
        }
    }

    @Test
    void reportsAConnectionDroppedMidCommand() throws Exception {
        sshd.on("drbdadm create-md r0", SshServerExtension.dropAfter("initializing", "writing"));
        try (SshShell shell = connectAsRoot()) {
            RemoteException e = catchThrowableOfType(RemoteException.class,
                    () -> shell.run(Command.of("drbdadm", "create-md", "r0"), LONG));
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.CONNECTION_LOST);
            assertThat(e.getMessage()).contains("node1", "lost", "effect is unknown", "run the command again")
                    .doesNotContain("net.schmizz");
        }
    }

    @Test
    void reconnectsForTheNextCommandAfterADrop() throws Exception {
        sshd.on("crash", SshServerExtension.dropAfter());
        sshd.on("true", SshServerExtension.print(0));
        try (SshShell shell = connectAsRoot()) {
            assertThatThrownBy(() -> shell.run(Command.of("crash"), LONG)).isInstanceOf(RemoteException.class);
            assertThat(shell.run(Command.of("true"), LONG).ok()).isTrue();
        }
        assertThat(sshd.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void returnsANonZeroExitWithItsPartialOutput() throws Exception {
        sshd.on("mkfs.ext4 /dev/vg/lv", SshServerExtension.output(1, List.of("Creating filesystem"),
                List.of("mkfs.ext4: No space left on device")));
        try (SshShell shell = connectAsRoot()) {
            CommandResult result = shell.run(Command.of("mkfs.ext4", "/dev/vg/lv"), LONG);
            assertThat(result.ok()).isFalse();
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stdout()).isEqualTo("Creating filesystem\n");
            assertThat(result.stderr()).contains("No space left");
        }
    }

    @Test
    void reusesOneConnectionForManyCommands() throws Exception {
        sshd.on(c -> c.startsWith("echo "), ctx -> {
            ctx.stdout().println(ctx.command().substring(5));
            return 0;
        });
        try (SshShell shell = connectAsRoot()) {
            for (int i = 0; i < 5; i++) {
                assertThat(shell.run(Command.of("echo", "n" + i), LONG).stdout()).isEqualTo("n" + i + "\n");
            }
        }
        assertThat(sshd.connectionsOpened()).isEqualTo(1);
        assertThat(sshd.commands()).hasSize(5);
    }

    @Test
    void uploadsThroughATempFileBesideTheTargetWithItsModeSetBeforeTheRename() throws Exception {
        Path received = sshd.tempDir().resolve("received");
        sshd.on(c -> c.contains("cat > "), SshServerExtension.captureStdin(received));
        byte[] content = "resource r0 {\n  net { shared-secret \"x\"; }\n}\n".getBytes(StandardCharsets.UTF_8);
        try (SshShell shell = connectAsRoot()) {
            shell.upload(content, "/etc/drbd.d/r0.res", 0600);
        }
        assertThat(Files.readAllBytes(received)).isEqualTo(content);
        String command = sshd.commands().get(0);
        Matcher m = Pattern.compile("cat > (/etc/drbd\\.d/\\.r0\\.res\\.hainstall-[0-9a-f]+) && chmod 0600 \\1 "
                + "&& mv -f \\1 /etc/drbd\\.d/r0\\.res;").matcher(command);
        assertThat(m.find()).as(command).isTrue();
        assertThat(command).contains("rm -f " + m.group(1)).startsWith("{ umask 077 && ");
    }

    @Test
    void reportsAFailedUpload() throws Exception {
        sshd.on(c -> c.contains("cat > "), SshServerExtension.output(1, List.of(),
                List.of("cat: /etc/x/.f.hainstall: No such file or directory")));
        try (SshShell shell = connectAsRoot()) {
            RemoteException e = catchThrowableOfType(RemoteException.class,
                    () -> shell.upload(new byte[] {1}, "/etc/x/f", 0644));
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.IO);
            assertThat(e.getMessage()).contains("/etc/x/f", "node1", "No such file");
        }
    }

    @Test
    void neverPutsUploadedContentInACommandLineOrAnError() throws Exception {
        String secret = "heartbeat-secret-0123456789";
        sshd.on(c -> c.contains("cat > "), SshServerExtension.output(1, List.of(), List.of("cat: failed")));
        try (SshShell shell = connectAsRoot()) {
            RemoteException e = catchThrowableOfType(RemoteException.class, () -> shell.upload(
                    ("auth 1\n1 sha1 " + secret + "\n").getBytes(StandardCharsets.UTF_8), "/etc/ha.d/authkeys", 0600));
            assertThat(e.getMessage()).doesNotContain(secret);
        }
        assertThat(sshd.commands()).singleElement().asString().doesNotContain(secret);
    }

    @Test
    void sendsAScriptOnStandardInputSoItIsOnNoCommandLine() throws Exception {
        Path received = sshd.tempDir().resolve("script");
        sshd.on(c -> c.startsWith("sh -s"), SshServerExtension.captureStdin(received));
        String script = "printf '%s\\n' \"$1\"\n";
        try (SshShell shell = connectAsRoot()) {
            CommandResult r = shell.runScript(script, List.of("a b", "c"), LONG, OutputListener.IGNORE);
            assertThat(r.exitCode()).isZero();
        }
        assertThat(Files.readString(received)).isEqualTo(script);
        assertThat(sshd.commands()).containsExactly("sh -s -- 'a b' c");
    }

    @Test
    void runsEveryCommandThroughSudoForANonRootUser() throws Exception {
        sshd.on(c -> true, SshServerExtension.print(0));
        try (SshShell shell = SshShell.connect(target("deploy", sshd.hostKey()), OPTIONS)) {
            shell.run(Command.of("echo", "it's here"), LONG);
            shell.upload(new byte[] {1}, "/etc/f", 0644);
            shell.runScript("true\n", List.of("x"), LONG, OutputListener.IGNORE);
        }
        assertThat(sshd.commands().get(0)).isEqualTo("sudo -n sh -c 'echo '\\''it'\\''\\'\\'''\\''s here'\\'''");
        assertThat(sshd.commands().get(1)).startsWith("sudo -n sh -c '{ umask 077 && cat > ");
        assertThat(sshd.commands().get(2)).isEqualTo("sudo -n sh -c 'sh -s -- x'");
    }

    @Test
    void runsCommandsAsTheyAreForRoot() throws Exception {
        sshd.on(c -> true, SshServerExtension.print(0));
        try (SshShell shell = connectAsRoot()) {
            shell.run(Command.of("echo", "a b"), LONG);
        }
        assertThat(sshd.commands()).containsExactly("echo 'a b'");
    }

    @Test
    void probesAnIdleConnectionWithKeepalives() throws Exception {
        SshOptions keepalive = new SshOptions(Duration.ofSeconds(20), Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofSeconds(30));
        try (SshShell shell = SshShell.connect(target("root", sshd.hostKey()), keepalive)) {
            Eventually.until(() -> sshd.globalRequests().contains("keepalive@openssh.com"));
        }
    }

    @Test
    void theFixturesReadyMadeTargetLogsIn() throws Exception {
        sshd.on("true", SshServerExtension.print(0));
        try (SshShell shell = SshShell.connect(sshd.newTarget("node2", "root"), OPTIONS)) {
            assertThat(shell.run(Command.of("true"), LONG).ok()).isTrue();
        }
    }

    @Test
    void refusesRelativeUploadPaths() throws Exception {
        try (SshShell shell = connectAsRoot()) {
            assertThatThrownBy(() -> shell.upload(new byte[0], "etc/f", 0644))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> shell.upload(new byte[0], "/etc/../f", 0644))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(sshd.commands()).isEmpty();
    }
}
