package org.hainstall.core.machines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.hainstall.core.config.ClusterConfig.Node;
import org.hainstall.core.plan.AdminPrompter;
import org.hainstall.core.plan.Prompt;
import org.hainstall.core.seed.CallbackReport;
import org.hainstall.core.seed.CallbackServer;
import org.hainstall.core.seed.CallbackToken;
import org.hainstall.core.seed.ExpectedCallback;
import org.hainstall.core.seed.HostKeyFingerprint;
import org.hainstall.core.seed.TestKeys;
import org.hainstall.core.provision.ProvisionException;
import org.hainstall.core.testing.CallbackClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhysicalProvisionerTest {
    /** The administrator: remembers each prompt and answers when the test says so. */
    static final class Admin implements AdminPrompter {
        final Map<String, Prompt> prompts = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Prompt.Answer>> answers = new ConcurrentHashMap<>();

        @Override
        public CompletableFuture<Prompt.Answer> ask(Prompt prompt) {
            prompts.put(prompt.node(), prompt);
            return answers.computeIfAbsent(prompt.node(), n -> new CompletableFuture<>());
        }
    }

    @TempDir
    Path dir;
    private CallbackServer server;
    private final Admin admin = new Admin();
    private PhysicalProvisioner provisioner;
    private final CallbackToken token = TestKeys.token();
    private final String fingerprint = HostKeyFingerprint.of(TestKeys.ed25519PublicLine("root@sales-db1"));

    @BeforeEach
    void start() throws Exception {
        server = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.expect(new ExpectedCallback("sales-db1", token, Set.of(fingerprint), Duration.ofHours(1)));
        provisioner = new PhysicalProvisioner(admin, server, Duration.ofMillis(10), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        provisioner.close();
        server.close();
    }

    private static List<Node> nodes(String mac) {
        return List.of(new Node("sales-db1", "192.168.122.11", "10.10.0.11", true, mac, "52:54:00:00:01:11"),
                new Node("sales-db2", "192.168.122.12", null, false, "52:54:00:00:00:12", null));
    }

    private Path iso(String node) {
        return dir.resolve(node + "-seed.iso");
    }

    @Test
    void refusesMachinesWithoutAMacNamingTheConfigPath() {
        assertThatThrownBy(() -> provisioner.prepare(nodes(null), this::iso))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("nodes[0].mac: required");
        assertThatThrownBy(() -> provisioner.prepare(nodes("52:54:00:zz:00:11"), this::iso))
                .hasMessageContaining("nodes[0].mac: 52:54:00:zz:00:11 is not a MAC address");
        assertThatThrownBy(() -> provisioner.prepare(nodes("52:54:00:00:00:12"), this::iso))
                .hasMessageContaining("nodes[1].mac: 52:54:00:00:00:12 is given to another interface too");
    }

    @Test
    void asksTheAdminToPowerOnEachNodeWithItsMacAndIso() throws Exception {
        provisioner.prepare(nodes("52:54:00:00:00:11"), this::iso);
        provisioner.powerOn("sales-db1");

        Prompt prompt = admin.prompts.get("sales-db1");
        assertThat(prompt.message()).contains("Power on sales-db1", "MAC 52:54:00:00:00:11",
                "replication MAC 52:54:00:00:01:11", iso("sales-db1").toString(), "node-prep");
    }

    @Test
    void waitsForTheCallBackTellingHowLongItHasWaited() throws Exception {
        provisioner.prepare(nodes("52:54:00:00:00:11"), this::iso);
        provisioner.powerOn("sales-db1");
        admin.answers.get("sales-db1").complete(Prompt.Answer.DONE);
        List<Duration> heard = new ArrayList<>();

        // The node calls back once the run has reported waiting at least once.
        CallbackReport report = provisioner.awaitCallback("sales-db1", Duration.ofMinutes(5), (node, waited) -> {
            if (heard.isEmpty()) {
                assertThat(CallbackClient.callBack(server, node, token, fingerprint)).isEqualTo(200);
            }
            heard.add(waited);
        });

        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.READY);
        assertThat(heard).isNotEmpty().allMatch(d -> !d.isNegative());
    }

    @Test
    void theAdminCanCancelTheWait() throws Exception {
        provisioner.prepare(nodes("52:54:00:00:00:11"), this::iso);
        provisioner.powerOn("sales-db1");
        admin.answers.get("sales-db1").complete(Prompt.Answer.CANCEL);

        assertThatThrownBy(() -> provisioner.awaitCallback("sales-db1", Duration.ofMinutes(5), (n, w) -> { }))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("sales-db1: cancelled by the administrator");
        assertThat(server.status("sales-db1")).contains(CallbackServer.NodeStatus.PENDING);
    }

    @Test
    void reportsATimeoutWithWhatToCheck() throws Exception {
        provisioner.prepare(nodes("52:54:00:00:00:11"), this::iso);
        provisioner.powerOn("sales-db1");

        CallbackReport report = provisioner.awaitCallback("sales-db1", Duration.ofMillis(1), (n, w) -> { });

        assertThat(report.outcome()).isEqualTo(CallbackReport.Outcome.TIMED_OUT);
        assertThat(report.hints()).isNotEmpty();
    }

    @Test
    void releasingDeletesTheLocalSeedAndRemindsTheAdminOfTheMedium() throws Exception {
        provisioner.prepare(nodes("52:54:00:00:00:11"), this::iso);
        Files.writeString(iso("sales-db1"), "seed");

        List<String> notes = provisioner.releaseSeed("sales-db1");

        assertThat(iso("sales-db1")).doesNotExist();
        assertThat(notes).anyMatch(n -> n.contains("remove the seed medium from sales-db1"));
        assertThat(provisioner.undo()).isEmpty();
    }
}
