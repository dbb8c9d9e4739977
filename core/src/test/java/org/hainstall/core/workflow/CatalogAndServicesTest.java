package org.hainstall.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.backup.BackupFiles;
import org.hainstall.core.backup.BackupStep;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.Fixtures;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.os.AptPackageManager;
import org.hainstall.core.os.ChronySources;
import org.hainstall.core.os.NtpStep;
import org.hainstall.core.os.PackageManager;
import org.hainstall.core.os.PackageStatus;
import org.hainstall.core.os.PackagesStep;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.testing.TestClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogAndServicesTest {
    private final ClusterConfig config = TestClusters.example();

    @Test
    void catalogHasEveryStepForBothNodesAndClusterWideOnes() {
        List<Step> steps = NodeStepCatalog.steps(config);
        Set<StepId> ids = new HashSet<>();
        steps.forEach(s -> assertThat(ids.add(s.id())).as("unique " + s.id()).isTrue());
        for (String node : List.of("sales-db1", "sales-db2")) {
            for (String name : List.of(StepNames.PACKAGES, StepNames.NTP, StepNames.STORAGE_PREFLIGHT, StepNames.DISKS,
                    StepNames.LVM, StepNames.FILESYSTEMS, StepNames.DRBD_CONFIG, StepNames.DRBD_METADATA,
                    StepNames.DRBD_UP, StepNames.DRBD_FILESYSTEMS, StepNames.HEARTBEAT_CONFIG, StepNames.DB2_INSTALL,
                    StepNames.DB2_INSTANCE, StepNames.DB2_MOVE, StepNames.DATABASES, StepNames.BACKUP)) {
                assertThat(ids).contains(StepId.onNode(name, node));
            }
        }
        assertThat(ids).contains(StepId.cluster(StepNames.DRBD_INITIAL_PRIMARY), StepId.cluster(StepNames.DB2_USERS),
                StepId.cluster(StepNames.HEARTBEAT_START), StepId.cluster(StepNames.WAIT_SYNC));
    }

    private static Map<String, Set<String>> graph(List<Step> steps) {
        Map<String, Set<String>> deps = new HashMap<>();
        for (Step s : steps) {
            deps.computeIfAbsent(s.id().name(), k -> new HashSet<>()).addAll(s.dependsOn());
        }
        return deps;
    }

    private static Set<String> ancestors(Map<String, Set<String>> deps, String name) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(deps.get(name));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) {
                todo.addAll(deps.getOrDefault(n, Set.of()));
            }
        }
        return seen;
    }

    @Test
    void dependenciesNameExistingStepsWithoutCycles() {
        Map<String, Set<String>> deps = graph(NodeStepCatalog.steps(config));
        for (Map.Entry<String, Set<String>> e : deps.entrySet()) {
            assertThat(deps.keySet()).containsAll(e.getValue());
            assertThat(ancestors(deps, e.getKey())).as("cycle through " + e.getKey()).doesNotContain(e.getKey());
        }
    }

    @Test
    void noDiskIsTouchedBeforePackagesAndPreflightAndHeartbeatStartsAfterDb2() {
        Map<String, Set<String>> deps = graph(NodeStepCatalog.steps(config));
        assertThat(ancestors(deps, StepNames.DISKS)).contains(StepNames.PACKAGES, StepNames.STORAGE_PREFLIGHT);
        assertThat(ancestors(deps, StepNames.DRBD_METADATA)).contains(StepNames.LVM, StepNames.DRBD_CONFIG);
        assertThat(ancestors(deps, StepNames.DB2_INSTANCE)).contains(StepNames.DRBD_INITIAL_PRIMARY,
                StepNames.DRBD_FILESYSTEMS, StepNames.DB2_USERS);
        assertThat(ancestors(deps, StepNames.HEARTBEAT_START)).contains(StepNames.DATABASES, StepNames.BACKUP,
                StepNames.HEARTBEAT_CONFIG);
        assertThat(ancestors(deps, StepNames.WAIT_SYNC)).contains(StepNames.HEARTBEAT_START);
    }

    @Test
    void installsMissingPackagesWithApt() {
        PackageManager apt = new AptPackageManager();
        Check.Change change = (Check.Change) PackagesStep.decide(config, apt,
                new PackagesStep.Facts(PackageStatus.parseDpkg(Fixtures.read("dpkg-query-partial.txt")).installed()));
        assertThat(change.actions().stream().map(Action::describe)).containsExactly(
                "run: apt-get -q update",
                "run: env DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends install parted"
                        + " drbd-utils heartbeat ksh cron");
        assertThat(apt.query(List.of("chrony")).line()).isEqualTo("dpkg-query -W -f '${Package} ${Status}\\n' chrony");
    }

    @Test
    void installsOnlyFromTheSeedRepositoryWhereNodePrepSetItUpAndFromTheNodesOwnSourcesElsewhere(
            @TempDir Path dir) throws Exception {
        ClusterConfig local = new ClusterConfig(config.cluster(), config.management(), config.access(),
                config.provisioning(), config.network(), config.time(), new ClusterConfig.Packages("/srv/debs"),
                config.nodes(), config.storage(), config.replication(), config.heartbeat(), config.db2(),
                config.backup());
        Check.Change change = (Check.Change) PackagesStep.decide(local, new AptPackageManager(),
                new PackagesStep.Facts(Set.of()));
        // The commands run for real by sh, with an apt-get on PATH that prints what it was given and a stand-in
        // for the local source's path: present (a node hainstall prepared), then absent (an adopted cluster).
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aptGet = Files.writeString(bin.resolve("apt-get"), "#!/bin/sh\necho \"$*\"\n");
        aptGet.toFile().setExecutable(true);
        Path source = dir.resolve("hainstall-local.list");
        Files.writeString(source, "deb [trusted=yes] file:/run/hainstall-seed/hainstall/debs ./\n");
        String install = change.actions().get(1).describe().substring("run: ".length())
                .replace(AptPackageManager.LOCAL_SOURCE, source.toString());
        assertThat(run(install, bin)).contains("install chrony", "-o Dir::Etc::sourcelist=" + source,
                "-o Dir::Etc::sourceparts=-");
        Files.delete(source);
        assertThat(run(install, bin)).contains("install chrony").doesNotContain("sourcelist");
        assertThat(change.description()).contains("from the seed's repository", "own sources");
    }

    private static String run(String line, Path bin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void installedPackagesAreSatisfied() {
        PackageManager apt = new AptPackageManager();
        assertThat(PackagesStep.decide(config, apt, new PackagesStep.Facts(Set.copyOf(apt.clusterPackages()))))
                .isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void rendersChronyConfWithTheConfiguredServersAndMakestep() {
        assertThat(NtpStep.chronyConf(config)).isEqualTo("""
                # Written by hainstall; changes here are overwritten.
                server 0.debian.pool.ntp.org iburst
                server 1.debian.pool.ntp.org iburst
                driftfile /var/lib/chrony/chrony.drift
                # step the clock at start-up when it is more than a second off, instead of slewing for hours
                makestep 1 3
                rtcsync
                logdir /var/log/chrony
                """);
    }

    @Test
    void configuresChronyAndTimezone() {
        Check.Change change = (Check.Change) NtpStep.decide(config, new NtpStep.Facts(null, "Etc/UTC", null, false,
                false, null));
        assertThat(change.actions().stream().map(Action::describe)).contains(
                "run: systemctl enable --now chrony");
        assertThat(change.actions().stream().map(Action::describe).filter(d -> d.contains("/etc/localtime")))
                .singleElement().asString().contains("ln -sfn", "UTC", "/etc/timezone").doesNotContain("timedatectl");
    }

    @Test
    void readsTheTimezoneFromTheLocaltimeLinkWithoutDBus() {
        assertThat(NtpStep.zoneOfLink("/usr/share/zoneinfo/Europe/Berlin\n")).isEqualTo("Europe/Berlin");
        assertThat(NtpStep.zoneOfLink("../usr/share/zoneinfo/Etc/UTC")).isEqualTo("Etc/UTC");
        assertThat(NtpStep.zoneOfLink("")).isNull();
    }

    @Test
    void aTimezoneSetAsTheConfigSaysIsNoChange() {
        Check check = NtpStep.decide(config, new NtpStep.Facts(NtpStep.chronyConf(config), "UTC", "UTC", true, true,
                ChronySources.parse(Fixtures.read("chronyc-sources-synced.csv"))));
        assertThat(check).isInstanceOf(Check.Satisfied.class);
        Check staleFile = NtpStep.decide(config, new NtpStep.Facts(NtpStep.chronyConf(config), "UTC", "Etc/UTC", true,
                true, ChronySources.parse(Fixtures.read("chronyc-sources-synced.csv"))));
        assertThat(staleFile).isInstanceOf(Check.Change.class);
    }

    @Test
    void unreachableServersAreAWarningNamingThemNotAFailure() {
        ChronySources sources = ChronySources.parse(Fixtures.read("chronyc-sources-one-unreachable.csv"));
        Check check = NtpStep.decide(config, new NtpStep.Facts(NtpStep.chronyConf(config), "UTC", "UTC", true,
                true, sources));
        assertThat(check).isInstanceOf(Check.Satisfied.class);
        assertThat(((Check.Satisfied) check).summary()).contains("warning")
                .contains("0.debian.pool.ntp.org").doesNotContain("1.debian");
        assertThat(NtpStep.syncWarning(config, ChronySources.parse(Fixtures.read("chronyc-sources-synced.csv"))))
                .isEmpty();
    }

    @Test
    void rendersBackupConfigListingEveryDatabaseAndTheSchedule() {
        assertThat(BackupFiles.config(config)).isEqualTo(
                "# Written by hainstall; read by /usr/local/sbin/hainstall-db2-backup. Changes here are overwritten.\n"
                        + "target /backup\nretention-days 14\ndatabase db2inst1 db2inst1 SALES\n");
        assertThat(BackupFiles.cron(config)).endsWith("0 2 * * * root /usr/local/sbin/hainstall-db2-backup\n");
        Check.Change change = (Check.Change) BackupStep.decide(config, new BackupStep.Facts(Map.of()));
        assertThat(change.actions()).contains(new Action.WriteFile(BackupFiles.SCRIPT, BackupFiles.script(), 0755,
                false));
    }
}
