package org.hainstall.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hainstall.core.config.ClusterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hainstall.core.testing.TestClusters;

/**
 * node-prep.sh: clean under shellcheck, and run against a fake root (HAINSTALL_ROOT) where it changes only files in
 * that folder and writes the commands that would change the running system to a log instead of running them.
 * Its call back goes, for real, to a {@link CallbackServer} on 127.0.0.1: the shell's HMAC must satisfy Java's.
 * The lab runs it for real inside VMs.
 */
class NodePrepScriptTest {
    private static final Path SCRIPT = Path.of("src/main/resources/org/hainstall/core/seed/node-prep.sh");
    private static final String MAIN_MAC = "52:54:00:00:00:11";
    private static final String REPL_MAC = "52:54:00:00:01:11";

    @TempDir
    Path dir;
    private CallbackServer server;
    private Path root;
    private Path seed;
    private SeedInputs inputs;

    @BeforeEach
    void prepare() throws Exception {
        server = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ClusterConfig config = TestClusters.withManagement(TestClusters.twoNodes(), "127.0.0.1",
                server.address().getPort());
        inputs = new SeedInputs(config, "sales-db1", MAIN_MAC, REPL_MAC, TestKeys.ed25519PublicLine("admin@ws"),
                new NodeSeedSecrets(TestKeys.privateKeyFile(), TestKeys.ed25519PublicLine("root@sales-db1"),
                        TestKeys.token()));
        seed = Files.createDirectory(dir.resolve("seed"));
        new SeedIsoBuilder().stage(inputs, NodeEnv.values(inputs), null, seed);
        root = fakeStubRoot(dir.resolve("root"));
        server.expect(new ExpectedCallback("sales-db1", inputs.secrets().token(),
                Set.of(inputs.secrets().hostKeyFingerprint()), Duration.ofMinutes(5)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void isCleanUnderShellcheck() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/shellcheck")), "shellcheck not installed");
        Process p = new ProcessBuilder("shellcheck", "-s", "sh", SCRIPT.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void preparesTheNodeAndCallsBackWithAProofJavaAccepts() throws Exception {
        CompletableFuture<CallbackReport> waiting = server.awaitNode("sales-db1", Duration.ofMinutes(1));

        Result r = runScript();

        assertThat(r.exit).as(r.output).isZero();
        CallbackReport report = waiting.get(10, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.READY);
        assertThat(report.postedFingerprints()).containsExactly(inputs.secrets().hostKeyFingerprint());

        assertThat(root.resolve("etc/hostname")).hasContent("sales-db1");
        assertThat(Files.readString(root.resolve("etc/hosts")))
                .contains("127.0.0.1 localhost", "192.168.122.11 sales-db1.example.org sales-db1",
                        "192.168.122.12 sales-db2.example.org sales-db2", "10.10.0.12 sales-db2-repl")
                .doesNotContain("127.0.1.1");
        assertThat(Files.readString(root.resolve("etc/network/interfaces.d/hainstall")))
                .contains("iface eth0 inet static", "address 192.168.122.11/24", "gateway 192.168.122.1",
                        "iface eth1 inet static", "address 10.10.0.11/24", "broadcast +");
        assertThat(Files.readString(root.resolve("etc/network/interfaces")))
                .contains("# hainstall: iface eth0 inet dhcp", "auto lo");
        assertThat(Files.readString(root.resolve("etc/resolv.conf")))
                .contains("search example.org", "nameserver 192.168.122.1", "nameserver 192.168.122.2");
        assertThat(Files.readAllBytes(root.resolve("etc/ssh/ssh_host_ed25519_key")))
                .isEqualTo(inputs.secrets().hostPrivateKey());
        assertThat(mode(root.resolve("etc/ssh/ssh_host_ed25519_key"))).isEqualTo("rw-------");
        assertThat(root.resolve("etc/ssh/ssh_host_rsa_key")).doesNotExist();
        assertThat(Files.readString(root.resolve("root/.ssh/authorized_keys"))).contains(inputs.adminPublicKey());
        assertThat(mode(root.resolve("root/.ssh/authorized_keys"))).isEqualTo("rw-------");
        assertThat(Files.readString(root.resolve("etc/machine-id")).strip()).matches("[0-9a-f]{32}")
                .isNotEqualTo("00000000000000000000000000000000");
        assertThat(Files.readString(root.resolve("hainstall-commands.log")))
                .contains("ip addr replace 192.168.122.11/24 brd + dev eth0",
                        "ip addr replace 10.10.0.11/24 brd + dev eth1",
                        "ip route replace default via 192.168.122.1 dev eth0", "hostname sales-db1");
        assertThat(mode(root.resolve("var/log/hainstall-node-prep.log"))).isEqualTo("rw-------");
        String tokenText = new String(inputs.secrets().token().fileContent(), StandardCharsets.US_ASCII).strip();
        assertThat(Files.readString(root.resolve("var/log/hainstall-node-prep.log"))).doesNotContain(tokenText);
    }

    @Test
    void secondRunChangesNothingAndKnowsItHasCalledBack() throws Exception {
        assertThat(runScript().exit).isZero();
        Map<String, String> first = snapshot();

        Result again = runScript();

        assertThat(again.exit).as(again.output).isZero();
        assertThat(again.output).contains("called back before");
        assertThat(snapshot()).isEqualTo(first);
    }

    @Test
    void reportsAMissingInterfaceAsFailedPrep() throws Exception {
        Files.writeString(root.resolve("sys/class/net/eth1/address"), "52:54:00:99:99:99\n");
        CompletableFuture<CallbackReport> waiting = server.awaitNode("sales-db1", Duration.ofMinutes(1));

        Result r = runScript();

        assertThat(r.exit).isEqualTo(1);
        CallbackReport report = waiting.get(10, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.PREP_FAILED);
        assertThat(report.prepStatus()).isEqualTo("failed:network");
    }

    @Test
    void installsTheSeedsPackagesAsALocalAptSource() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("chrony_4.3_amd64.deb"), "deb");
        Files.writeString(repo.resolve("Packages"), "Package: chrony\n");
        Path seedWithDebs = Files.createDirectory(dir.resolve("seed-debs"));
        new SeedIsoBuilder().stage(inputs, NodeEnv.values(inputs), repo, seedWithDebs);
        seed = seedWithDebs;

        assertThat(runScript().exit).isZero();

        assertThat(root.resolve("var/lib/hainstall/debs/chrony_4.3_amd64.deb")).hasContent("deb");
        assertThat(root.resolve("var/lib/hainstall/debs/Packages")).exists();
        assertThat(root.resolve("etc/apt/sources.list.d/hainstall-local.list"))
                .hasContent("deb [trusted=yes] file:/var/lib/hainstall/debs ./");
    }

    private Map<String, String> snapshot() throws IOException {
        return Map.of("hosts", Files.readString(root.resolve("etc/hosts")),
                "ak", Files.readString(root.resolve("root/.ssh/authorized_keys")),
                "mid", Files.readString(root.resolve("etc/machine-id")),
                "ifaces", Files.readString(root.resolve("etc/network/interfaces")),
                "net", Files.readString(root.resolve("etc/network/interfaces.d/hainstall")),
                "resolv", Files.readString(root.resolve("etc/resolv.conf")));
    }

    @Test
    void callsBackWithCurlAndOpensslOnANodeWithoutPython() throws Exception {
        CompletableFuture<CallbackReport> waiting = server.awaitNode("sales-db1", Duration.ofMinutes(1));

        Result r = runScript(toolsWithout(dir.resolve("argv.log"), "python3"));

        assertThat(r.exit).as(r.output).isZero();
        assertThat(waiting.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(CallbackReport.Outcome.READY);
    }

    @ParameterizedTest(name = "missing on the node: {0}")
    @ValueSource(strings = {"nothing", "python3"})
    void neverPutsTheTokenInAnyArgv(String missing) throws Exception {
        String token = new String(inputs.secrets().token().fileContent(), StandardCharsets.US_ASCII).strip();
        Path argvLog = dir.resolve("argv.log");
        Path tools = toolsWithout(argvLog, missing);

        Result r = runScript(tools);

        assertThat(r.exit).as(r.output).isZero();
        assertThat(Files.readString(argvLog)).contains(missing.equals("nothing") ? "python3" : "curl")
                .doesNotContain(token);
    }

    @ParameterizedTest(name = "missing on the node: {0}")
    @ValueSource(strings = {"nothing", "python3"})
    void aNodeWhoseClockIsHoursOffSignsAgainWithTheInstallersTime(String missing) throws Exception {
        // The installer's clock three hours ahead of this "node" (a physical machine's RTC kept in local time).
        server.close();
        server = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(3)), CallbackLimits.DEFAULTS);
        ClusterConfig config = TestClusters.withManagement(TestClusters.twoNodes(), "127.0.0.1",
                server.address().getPort());
        inputs = new SeedInputs(config, "sales-db1", MAIN_MAC, REPL_MAC, inputs.adminPublicKey(), inputs.secrets());
        seed = Files.createDirectory(dir.resolve("seed-clock"));
        new SeedIsoBuilder().stage(inputs, NodeEnv.values(inputs), null, seed);
        server.expect(new ExpectedCallback("sales-db1", inputs.secrets().token(),
                Set.of(inputs.secrets().hostKeyFingerprint()), Duration.ofMinutes(5)));
        CompletableFuture<CallbackReport> waiting = server.awaitNode("sales-db1", Duration.ofMinutes(1));

        Result r = runScript(toolsWithout(dir.resolve("argv.log"), missing));

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("s off the installer's: signing again with the installer's time");
        assertThat(waiting.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(CallbackReport.Outcome.READY);
    }

    @Test
    void saysWhyWhenTheNodeHasNothingToCallBackWith() throws Exception {
        Result r = runScript(toolsWithout(dir.resolve("argv.log"), "python3", "curl"));

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.output).contains("cannot call back: neither python3 nor curl and openssl are on this node");
        assertThat(root.resolve("etc/cloud/cloud-init.disabled")).doesNotExist();
    }

    @Test
    void switchesCloudInitOffOnceTheInstallerHasTheCallBack() throws Exception {
        Result r = runScript();

        assertThat(r.exit).as(r.output).isZero();
        assertThat(root.resolve("etc/cloud/cloud-init.disabled")).exists();
        assertThat(r.output).contains("cloud-init switched off for later boots");
    }

    @Test
    void keepsCloudInitOnWhenThePrepFailed() throws Exception {
        Files.writeString(root.resolve("sys/class/net/eth1/address"), "52:54:00:99:99:99\n");

        assertThat(runScript().exit).isEqualTo(1);

        assertThat(root.resolve("etc/cloud/cloud-init.disabled")).doesNotExist();
    }

    private record Result(int exit, String output) { }

    private Result runScript() throws Exception {
        return runScript(null);
    }

    /** @param tools a folder to use as PATH (the node's programs), or null for this machine's PATH */
    private Result runScript(Path tools) throws Exception {
        // node-prep calls back with python3, or curl and openssl, as on a node (.ci/run installs all three).
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) && Files.isExecutable(Path.of("/usr/bin/openssl"))
                && Files.isExecutable(Path.of("/usr/bin/python3")), "python3, curl and openssl are needed here");
        Path script = seed.resolve("hainstall/node-prep.sh");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString(), seed.toString()).redirectErrorStream(true);
        if (tools != null) {
            pb.environment().put("PATH", tools.toString());
        }
        pb.environment().put("HAINSTALL_ROOT", root.toString());
        pb.environment().put("HAINSTALL_CALLBACK_TRIES", "3");
        pb.environment().put("HAINSTALL_CALLBACK_PAUSE", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** The programs node-prep runs (besides the shell's builtins), with the call-back tools. */
    private static final List<String> NODE_PROGRAMS = List.of("sh", "awk", "basename", "cat", "chmod", "chown", "cmp",
            "cp", "cut", "date", "dirname", "grep", "head", "hostname", "mkdir", "mktemp", "mv", "od", "rm", "sleep",
            "tail", "tee", "tr", "env", "python3", "curl", "openssl");

    /**
     * A PATH folder holding wrappers of this machine's programs that node-prep runs, but the named ones: a node that
     * lacks them. Each wrapper appends its argv to {@code argvLog}, so a test can see every command line.
     */
    private Path toolsWithout(Path argvLog, String... missing) throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Files.writeString(argvLog, "");
        for (String program : NODE_PROGRAMS) {
            if (List.of(missing).contains(program)) {
                continue;
            }
            Path real = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin").stream().map(d -> Path.of(d, program))
                    .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IOException("no " + program));
            Path wrapper = tools.resolve(program);
            write(wrapper, "#!/bin/sh\nprintf '%s\\n' \"" + program + " $*\" >> '" + argvLog + "'\nexec '" + real
                    + "' \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return tools;
    }

    /** The files of a freshly cloned stub that node-prep reads or changes. */
    private static Path fakeStubRoot(Path r) throws IOException {
        Object uid = Files.getAttribute(r.getParent(), "unix:uid");
        Object gid = Files.getAttribute(r.getParent(), "unix:gid");
        write(r.resolve("sys/class/net/eth0/address"), MAIN_MAC + "\n");
        write(r.resolve("sys/class/net/eth1/address"), REPL_MAC.toUpperCase() + "\n");
        write(r.resolve("sys/class/net/lo/address"), "00:00:00:00:00:00\n");
        write(r.resolve("etc/passwd"), "root:x:" + uid + ":" + gid + ":root:/root:/bin/sh\n");
        write(r.resolve("etc/hosts"), "127.0.0.1 localhost\n127.0.1.1 db2-node-stub\n");
        write(r.resolve("etc/network/interfaces"), "auto lo\niface lo inet loopback\n\nallow-hotplug eth0\n"
                + "iface eth0 inet dhcp\n");
        write(r.resolve("etc/ssh/ssh_host_rsa_key"), "stub's own key\n");
        write(r.resolve("etc/ssh/ssh_host_rsa_key.pub"), "ssh-rsa AAAA stub\n");
        write(r.resolve("etc/machine-id"), "00000000000000000000000000000000\n");
        write(r.resolve("etc/cloud/cloud.cfg"), "datasource_list: [NoCloud, None]\n");
        Files.createDirectories(r.resolve("root"));
        return r;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

}
