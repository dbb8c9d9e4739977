package org.hainstall.core.machines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hainstall.core.testing.StepFailures.coded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.TestContext;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.testing.TestClusters;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hainstall.core.config.ProvisioningKind;

/**
 * FAULTS.md 43, where create listens: the provision step opens its call-back server through
 * {@code CallbackServer.forConfig}, so it listens on the configured management address only, and only when that is a
 * unicast address of this workstation. A management address that is unspecified (all interfaces), loopback, or not
 * this machine's fails the step naming {@code management.address}, before any machine is cloned or powered on.
 *
 * <p>The node shells are absent (every node counts as not provisioned, nothing is contacted); a physical
 * provisioning whose prompter refuses to be asked shows that no machine was asked for.
 */
class ProvisionStepListenTest {
    @TempDir
    Path dir;

    @Test
    void listensOnlyOnThisWorkstationsUnicastManagementAddressAndFailsBeforeProvisioningOtherwise() throws Exception {
        Path configFile = dir.resolve("sales-db.yaml");
        Files.writeString(configFile, "cluster:\n  name: sales-db\n");
        SecretsStore store = SecretsStore.besideConfig(configFile);
        KeyGenerator keys = new KeyGenerator();
        store.writeAdminKey(keys.ed25519(), "hainstall@sales-db");
        store.writeNodeHostKey("sales-db1", keys.ed25519());
        store.writeNodeHostKey("sales-db2", keys.ed25519());
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ClusterConfig physical = TestClusters.twoNodes(null, new ClusterConfig.Provisioning(ProvisioningKind.PHYSICAL, null));

        // 0.0.0.0 would listen on every interface; 127.0.0.1 is no address a node can call back to; 198.51.100.1
        // (TEST-NET-2) is on no interface of this machine.
        for (String address : List.of("0.0.0.0", "127.0.0.1", "198.51.100.1")) {
            ClusterConfig config = TestClusters.withManagement(physical, address, port);
            ProvisionStep step = new ProvisionStep(configFile, Duration.ofSeconds(5));
            TestContext ctx = new TestContext(step.id(), config, Map.of());

            // A hang guard only: a step that went on would wait for call backs.
            Throwable thrown = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> catchThrowable(() -> step.apply(ctx, (Check.Change) step.check(ctx))));

            assertThat(thrown).as(address).isInstanceOf(StepException.class)
                    .hasMessageContaining("cannot listen for call backs: management.address: '" + address + "'")
                    .hasMessageContaining(address.equals("198.51.100.1") ? "not an address of this workstation"
                            : "is not a unicast address")
                    .satisfies(coded(ProblemCode.CALLBACK_LISTEN_FAILED));
            // Nothing was listening on any interface for this run: the port is still free everywhere.
            try (ServerSocket again = new ServerSocket(port)) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
        assertThat(dir.resolve("sales-db.state/seeds")).as("no seed ISO was made").doesNotExist();
    }

    @Test
    void refusesToProvisionWhenTheGeneratedKeysAreGone() throws Exception {
        // create generates them before its first step; a secrets folder emptied since then stops the step first.
        Path configFile = dir.resolve("sales-db.yaml");
        Files.writeString(configFile, "cluster:\n  name: sales-db\n");
        ClusterConfig config = TestClusters.twoNodes(null,
                new ClusterConfig.Provisioning(ProvisioningKind.PHYSICAL, null));
        ProvisionStep step = new ProvisionStep(configFile, Duration.ofSeconds(5));
        TestContext ctx = new TestContext(step.id(), config, Map.of());

        assertThat(catchThrowable(() -> step.apply(ctx, (Check.Change) step.check(ctx))))
                .hasMessageContaining("no admin SSH key in").hasMessageContaining("run create again")
                .satisfies(coded(ProblemCode.SECRETS_MISSING));
        assertThat(dir.resolve("sales-db.state/seeds")).as("no seed ISO was made").doesNotExist();
    }
}
