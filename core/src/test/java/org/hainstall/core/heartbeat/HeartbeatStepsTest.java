package org.hainstall.core.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hainstall.core.testing.StepFailures.coded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigOverrides;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.node.FileState;
import org.hainstall.core.node.Fixtures;
import org.hainstall.core.node.NodeActions;
import org.hainstall.core.node.Secret;
import org.hainstall.core.os.Interfaces;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.storage.Mounts;
import org.junit.jupiter.api.Test;
import org.hainstall.core.testing.TestClusters;

class HeartbeatStepsTest {
    private static final String KEY = "0123456789abcdef-heartbeat-key";
    private final ClusterConfig config = TestClusters.example();

    @Test
    void rendersHaCfWithUdpPortBeforeUcastOnBothLinks() {
        String haCf = HeartbeatFiles.haCf(config, "sales-db1", "eth0", "eth1");
        assertThat(haCf).isEqualTo("""
                # Written by hainstall for cluster sales-db; changes here are overwritten.
                # udpport must come before any ucast/bcast line: Heartbeat ignores it after them.
                udpport 6940
                keepalive 2
                warntime 10
                deadtime 30
                initdead 120
                logfacility daemon
                ucast eth0 192.168.122.12
                ucast eth1 10.10.0.12
                auto_failback off
                node sales-db1
                node sales-db2
                """);
        assertThat(haCf.indexOf("udpport")).isLessThan(haCf.indexOf("ucast"));
    }

    @Test
    void rendersSubSecondDurationsInMilliseconds() {
        assertThat(HeartbeatFiles.duration("500ms")).isEqualTo("500ms");
        assertThat(HeartbeatFiles.duration("1m")).isEqualTo("60");
    }

    @Test
    void rendersAuthkeysAndHaresources() {
        assertThat(HeartbeatFiles.authkeys(KEY)).isEqualTo("auth 1\n1 sha1 " + KEY + "\n");
        assertThat(HeartbeatFiles.haresources(config, "eth0")).isEqualTo(
                "# Written by hainstall for cluster sales-db; changes here are overwritten.\n"
                        + "sales-db1 drbddisk::db2home drbddisk::db2data Filesystem::/dev/drbd0::/db2home::ext4"
                        + " Filesystem::/dev/drbd1::/db2data::ext4 IPaddr2::192.168.122.50/24/eth0 db2::db2inst1\n");
    }

    private HeartbeatConfigStep.Facts facts(String uname, Map<String, FileState> files) {
        return new HeartbeatConfigStep.Facts(uname, Interfaces.parse(Fixtures.read("ip-addr-db1.json")), files,
                new Secret(KEY), false);
    }

    @Test
    void writesAuthkeysAsSecretWithMode0600() throws StepException {
        Check.Change change = (Check.Change) HeartbeatConfigStep.decide(config, "sales-db1",
                facts("sales-db1", Map.of()));
        Action.WriteFile authkeys = change.actions().stream().map(a -> (Action.WriteFile) a)
                .filter(w -> w.path().equals("/etc/ha.d/authkeys")).findFirst().orElseThrow();
        assertThat(authkeys.secret()).isTrue();
        assertThat(authkeys.mode()).isEqualTo(0600);
        assertThat(authkeys.describe()).doesNotContain(KEY);
        assertThat(change.actions()).noneMatch(a -> a.describe().contains(KEY));
        assertThat(change.actions()).noneMatch(a -> a.describe().contains("systemctl"));
    }

    @Test
    void existingFilesAsConfiguredAreSatisfied() throws StepException {
        Map<String, FileState> files = new LinkedHashMap<>();
        files.put(HeartbeatFiles.HA_CF, new FileState(
                HeartbeatFiles.haCf(config, "sales-db1", "eth0", "eth1"), "644"));
        files.put(HeartbeatFiles.AUTHKEYS, new FileState(HeartbeatFiles.authkeys(KEY), "600"));
        files.put(HeartbeatFiles.HARESOURCES, new FileState(
                HeartbeatFiles.haresources(config, "eth0"), "644"));
        files.put(HeartbeatFiles.SHELLFUNCS, new FileState(HeartbeatFiles.shellfuncs(DEBIAN_SHELLFUNCS), "644"));
        assertThat(HeartbeatConfigStep.decide(config, "sales-db1", facts("sales-db1", files)))
                .isInstanceOf(Check.Satisfied.class);
        files.put(HeartbeatFiles.AUTHKEYS, new FileState(HeartbeatFiles.authkeys(KEY), "644"));
        assertThat(HeartbeatConfigStep.decide(config, "sales-db1", facts("sales-db1", files)))
                .isInstanceOf(Check.Change.class);
    }

    private Map<String, FileState> filesAsConfigured(String haresources) {
        Map<String, FileState> files = new LinkedHashMap<>();
        files.put(HeartbeatFiles.HA_CF, new FileState(
                HeartbeatFiles.haCf(config, "sales-db1", "eth0", "eth1"), "644"));
        files.put(HeartbeatFiles.AUTHKEYS, new FileState(HeartbeatFiles.authkeys(KEY), "600"));
        files.put(HeartbeatFiles.HARESOURCES, new FileState(haresources, "644"));
        files.put(HeartbeatFiles.SHELLFUNCS, new FileState(HeartbeatFiles.shellfuncs(DEBIAN_SHELLFUNCS), "644"));
        return files;
    }

    @Test
    void aConfigWhoseHoldsValidDataFollowedAFailoverKeepsThePreferredNodeTheClusterHas() throws Exception {
        // The cluster was created with sales-db1 holding the data; a reconstructed config marks sales-db2 (active now).
        String existing = HeartbeatFiles.haresources(config, "eth0");
        ClusterConfig afterFailover = new ConfigOverrides().apply(config,
                List.of("nodes[0].holdsValidData=false", "nodes[1].holdsValidData=true"));

        assertThat(HeartbeatConfigStep.decide(afterFailover, "sales-db1", facts("sales-db1",
                filesAsConfigured(existing)))).isInstanceOf(Check.Satisfied.class);
        assertThat(HeartbeatFiles.preferredNode(config, existing)).contains("sales-db1");
        assertThat(HeartbeatFiles.preferredNode(config, "# nothing yet\n")).isEmpty();
    }

    /** The end of Debian 12's /etc/ha.d/shellfuncs (resource-agents 4.12): its ha_clustermsg and last line. */
    static final String DEBIAN_SHELLFUNCS = "ha_clustermsg() {\n"
            + "\t(echo \">>>\"; cat -; echo \"<<<\")\t| cat - >> $HA_FIFO\n"
            + "}\n\n"
            + "# Now get the good stuff\n"
            + ". /usr/lib/ocf/lib/heartbeat/ocf-shellfuncs\n";

    @Test
    void shellfuncsGetsTheLockedHaClustermsgAfterItsLastLineOnceAndKeepsTheRest() {
        String ours = HeartbeatFiles.shellfuncs(DEBIAN_SHELLFUNCS);

        // After the package's own definition and the line sourcing ocf-shellfuncs, so this definition wins.
        assertThat(ours).startsWith(DEBIAN_SHELLFUNCS);
        String block = ours.substring(DEBIAN_SHELLFUNCS.length());
        assertThat(block).startsWith("# BEGIN hainstall ha_clustermsg\n").endsWith("# END hainstall ha_clustermsg\n")
                .contains("resource-agents#396")
                .contains("ha_clustermsg() {\n\t(\n\t\tflock -w 30 9 || :\n"
                        + "\t\t(echo \">>>\"; cat -; echo \"<<<\") | cat - >> \"$HA_FIFO\"\n"
                        + "\t) 9>> \"$HA_FIFO.lock\"\n}\n");
        // Idempotent; an older block of ours is replaced, not kept; a file without a final newline gets one.
        assertThat(HeartbeatFiles.shellfuncs(ours)).isEqualTo(ours);
        String older = DEBIAN_SHELLFUNCS + "# BEGIN hainstall ha_clustermsg\nha_clustermsg() { :; }\n"
                + "# END hainstall ha_clustermsg\n";
        assertThat(HeartbeatFiles.shellfuncs(older)).isEqualTo(ours);
        assertThat(HeartbeatFiles.shellfuncs(DEBIAN_SHELLFUNCS.stripTrailing())).isEqualTo(ours);
    }

    @Test
    void aShellfuncsWithoutOurBlockIsRewrittenWithoutReloadingHeartbeatAndAMissingOneIsNotCreated()
            throws StepException {
        Map<String, FileState> files = filesAsConfigured(HeartbeatFiles.haresources(config, "eth0"));
        files.put(HeartbeatFiles.SHELLFUNCS, new FileState(DEBIAN_SHELLFUNCS, "644"));
        HeartbeatConfigStep.Facts running = new HeartbeatConfigStep.Facts("sales-db1",
                Interfaces.parse(Fixtures.read("ip-addr-db1.json")), files, new Secret(KEY), true);

        Check.Change change = (Check.Change) HeartbeatConfigStep.decide(config, "sales-db1", running);

        assertThat(change.actions()).singleElement().isEqualTo(new Action.WriteFile(HeartbeatFiles.SHELLFUNCS,
                HeartbeatFiles.shellfuncs(DEBIAN_SHELLFUNCS), 0644, false));
        files.put(HeartbeatFiles.SHELLFUNCS, FileState.missing());
        assertThat(HeartbeatConfigStep.decide(config, "sales-db1", facts("sales-db1", files)))
                .isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void aChangedFileReloadsARunningHeartbeatWithItsOwnSignalNeverARestart() throws StepException {
        Map<String, FileState> files = filesAsConfigured(HeartbeatFiles.haresources(config, "eth0"));
        files.put(HeartbeatFiles.HA_CF, new FileState("udpport 694\n", "644"));
        HeartbeatConfigStep.Facts running = new HeartbeatConfigStep.Facts("sales-db1",
                Interfaces.parse(Fixtures.read("ip-addr-db1.json")), files, new Secret(KEY), true);

        Check.Change change = (Check.Change) HeartbeatConfigStep.decide(config, "sales-db1", running);

        assertThat(change.actions().stream().map(Action::describe)).last().asString()
                .isEqualTo("run: kill -HUP \"$(cat /run/heartbeat.pid)\"");
        assertThat(change.actions()).noneMatch(a -> a.describe().contains("restart") || a.describe().contains("systemctl"));
    }

    @Test
    void refusesWhenUnameDiffersFromNodeName() {
        assertThatThrownBy(() -> HeartbeatConfigStep.decide(config, "sales-db1", facts("debian", Map.of())))
                .hasMessageContaining("uname -n").hasMessageContaining("debian")
                .hasMessageContaining("hostnamectl set-hostname sales-db1")
                .satisfies(coded(ProblemCode.HOSTNAME_MISMATCH));
    }

    @Test
    void refusesANodeWithoutItsConfiguredAddress() {
        // sales-db1's interfaces, answered as sales-db2: none carries sales-db2's address.
        assertThatThrownBy(() -> HeartbeatConfigStep.decide(config, "sales-db2", facts("sales-db2", Map.of())))
                .hasMessageContaining("sales-db2: no interface carries the node's address")
                .satisfies(coded(ProblemCode.ADDRESS_NOT_ON_NODE));
    }

    private static HeartbeatStartStep.NodeFacts node(boolean active, String proc, List<String> mounted,
                                                     Set<String> running) {
        return new HeartbeatStartStep.NodeFacts(active, active, ProcDrbd.parse(Fixtures.read("proc-drbd-" + proc
                + ".txt")), new Mounts(mounted.stream().map(m -> new Mounts.Mount(m, "/dev/drbdX", "ext4")).toList()),
                running);
    }

    @Test
    void firstStartHandsTheServiceOverOnTheActiveNodeThenStartsThePeer() throws StepException {
        Map<String, HeartbeatStartStep.NodeFacts> nodes = new LinkedHashMap<>();
        nodes.put("sales-db1", node(false, "primary-synced", List.of("/db2home", "/db2data"), Set.of("db2inst1")));
        nodes.put("sales-db2", node(false, "secondary-synced", List.of(), Set.of()));
        List<NodeActions> plan = HeartbeatStartStep.decide(config, new HeartbeatStartStep.Facts(nodes));
        assertThat(plan).extracting(NodeActions::node).containsExactly("sales-db1", "sales-db2");
        assertThat(plan.get(0).actions().stream().map(Action::describe)).containsExactly(
                "run: su - db2inst1 -c '. ~/sqllib/db2profile && db2stop force'",
                "run: umount /db2data", "run: umount /db2home",
                "run: drbdadm secondary db2data", "run: drbdadm secondary db2home",
                "run: systemctl enable --now heartbeat");
        assertThat(plan.get(1).actions().stream().map(Action::describe))
                .containsExactly("run: systemctl enable --now heartbeat");
    }

    @Test
    void rerunWithHeartbeatActiveOnBothChangesNothingEvenAfterFailover() throws StepException {
        Map<String, HeartbeatStartStep.NodeFacts> nodes = new LinkedHashMap<>();
        nodes.put("sales-db1", node(true, "secondary-synced", List.of(), Set.of()));
        nodes.put("sales-db2", node(true, "primary-synced", List.of("/db2home", "/db2data"), Set.of("db2inst1")));
        HeartbeatStartStep.Facts facts = new HeartbeatStartStep.Facts(nodes);
        assertThat(NodeActions.toCheck("ok", HeartbeatStartStep.decide(config, facts)))
                .isInstanceOf(Check.Satisfied.class);
        assertThat(HeartbeatStartStep.resourcesHeld(config, facts)).isTrue();
    }

    @Test
    void startsOnlyTheNodeWhereHeartbeatIsStopped() throws StepException {
        Map<String, HeartbeatStartStep.NodeFacts> nodes = new LinkedHashMap<>();
        nodes.put("sales-db1", node(true, "primary-synced", List.of("/db2home", "/db2data"), Set.of("db2inst1")));
        nodes.put("sales-db2", node(false, "secondary-synced", List.of(), Set.of()));
        List<NodeActions> plan = HeartbeatStartStep.decide(config, new HeartbeatStartStep.Facts(nodes));
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).node()).isEqualTo("sales-db2");
    }
}
