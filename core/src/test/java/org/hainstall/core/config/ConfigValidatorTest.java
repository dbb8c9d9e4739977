package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
    private final ConfigValidator validator = new ConfigValidator();

    private List<Problem> validate(String... assignments) throws ConfigException {
        return validator.validate(new ConfigOverrides().apply(Example.config(), Arrays.asList(assignments)));
    }

    @Test
    void tenSeparateMistakesAreAllReportedInOneRun() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(getClass().getResource("/config/ten-mistakes.yaml").toURI());

        List<Problem> problems = validator.validate(new ConfigLoader().read(file));

        assertThat(problems).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
                tuple("nodes[1].address", ProblemCode.ADDRESS_DUPLICATE),
                tuple("nodes[1].name", ProblemCode.HOSTNAME_INVALID),
                tuple("network.replicationSubnet", ProblemCode.SUBNET_INVALID),
                tuple("replication.resources[1].minor", ProblemCode.DRBD_MINOR_DUPLICATE),
                tuple("replication.protocol", ProblemCode.REPLICATION_PROTOCOL_INVALID),
                tuple("heartbeat.deadtime", ProblemCode.HEARTBEAT_TIMING),
                tuple("db2.instances[0].fencedUser", ProblemCode.USER_NAME_INVALID),
                tuple("db2.instances[0].databases[0].path", ProblemCode.DB2_DATABASE_PATH_NOT_REPLICATED),
                tuple("backup.schedule", ProblemCode.BACKUP_SCHEDULE_INVALID),
                tuple("access.user", ProblemCode.USER_NAME_INVALID));
    }

    @Test
    void emptyConfigGetsOneRequiredProblemPerSectionAndNoException() {
        ClusterConfig empty = new ClusterConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);

        List<Problem> problems = validator.validate(empty);

        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("cluster", "management", "access",
                "provisioning", "network", "time", "nodes", "storage", "replication", "heartbeat", "db2", "backup");
        assertThat(problems).extracting(Problem::code).containsOnly(ProblemCode.VALUE_REQUIRED);
    }

    @Test
    void halfFilledSectionsWithNullEntriesDoNotThrow() {
        ClusterConfig example = Example.config();
        ClusterConfig half = new ClusterConfig(new ClusterConfig.ClusterInfo(null, null), example.management(),
                new ClusterConfig.Access(null, null), new ClusterConfig.Provisioning(ProvisioningKind.LIBVIRT, null),
                new ClusterConfig.Network(null, null, null, Arrays.asList((String) null), null, null),
                new ClusterConfig.TimeSettings(List.of(), null), null, Arrays.asList(null, null),
                new ClusterConfig.Storage(Arrays.asList((ClusterConfig.Disk) null), Arrays.asList(
                        new ClusterConfig.VolumeGroup(null, null, Arrays.asList((ClusterConfig.LogicalVolume) null)))),
                new ClusterConfig.Replication(null, null, Arrays.asList(
                        new ClusterConfig.DrbdResource(null, null, null, null, new ClusterConfig.Filesystem(null, null)))),
                new ClusterConfig.Heartbeat(null, null, null, null, null, null),
                new ClusterConfig.Db2(null, null, Arrays.asList(new ClusterConfig.Db2Instance(null, null, null, null, null,
                        Arrays.asList((ClusterConfig.Database) null)))),
                new ClusterConfig.Backup(null, null, null, Arrays.asList((String) null)));

        List<Problem> problems = validator.validate(half);

        assertThat(problems).isNotEmpty().extracting(Problem::code).contains(ProblemCode.VALUE_REQUIRED);
        assertThat(problems).extracting(Problem::path).contains("nodes[0]", "storage.disks[0]",
                "replication.resources[0].filesystem.mountPoint", "db2.instances[0].databases[0]", "backup.databases[0]");
    }

    @Test
    void physicalMachinesWithAllTheirMacsAreValid() throws Exception {
        assertThat(validate("provisioning.kind=physical",
                "nodes[0].mac=52:54:00:00:00:11", "nodes[0].replicationMac=52:54:00:00:01:11",
                "nodes[1].mac=52:54:00:00:00:12", "nodes[1].replicationMac=52:54:00:00:01:12")).isEmpty();
    }

    @Test
    void volumesThatExactlyFillTheirGroupFit() throws Exception {
        // 7 GiB of volumes need 7 GiB of extents plus LVM's 1 MiB of metadata.
        assertThat(validate("storage.disks[0].partitions[0].size=7169M")).isEmpty();
        assertThat(validate("storage.disks[0].partitions[0].size=7168M")).extracting(Problem::code)
                .containsExactly(ProblemCode.LV_EXCEEDS_VG);
    }

    @Test
    void nvmePartitionsAreNamedWithAP() throws Exception {
        assertThat(validate("storage.disks[0].device=/dev/nvme0n1",
                "storage.volumeGroups[0].physicalVolumes=/dev/nvme0n1p1")).isEmpty();
    }

    @Test
    void namedMonthsAndStepsAreValidCron() throws Exception {
        assertThat(validate("backup.schedule=*/15 1-5 * jan-jun mon,wed,fri")).isEmpty();
    }

    @Test
    void cityTimeZonesAndSubSecondDurationsAreValid() throws Exception {
        assertThat(validate("time.timezone=America/Argentina/Buenos_Aires", "heartbeat.keepalive=500ms")).isEmpty();
    }

    @Test
    void thePeerConnectTimeoutIsOptionalAndWhenGivenADurationOfAtLeastTenSeconds() throws Exception {
        assertThat(Example.config().replication().peerConnectTimeoutOrDefault()).hasMinutes(5);
        assertThat(validate("replication.peerConnectTimeout=90s")).isEmpty();
        assertThat(new ConfigOverrides().apply(Example.config(), List.of("replication.peerConnectTimeout=90s"))
                .replication().peerConnectTimeoutOrDefault()).hasSeconds(90);
        for (String bad : List.of("3s", "soon", "0")) {
            assertThat(validate("replication.peerConnectTimeout=" + bad)).singleElement()
                    .satisfies(p -> assertThat(p.path()).isEqualTo("replication.peerConnectTimeout"))
                    .satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCode.DURATION_INVALID));
        }
    }

    @Test
    void warningsHaveWarningSeverity() throws Exception {
        assertThat(validate("heartbeat.udpPort=694")).singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void everyProblemHasASentence() throws Exception {
        List<Problem> problems = validate("nodes[1].address=x", "heartbeat.keepalive=2 s", "backup.databases=");

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.message()).matches("[\\s\\S]{10,}[.?]"));
    }

    @Test
    void validationIsPureAndRepeatable() {
        ClusterConfig config = Example.config();

        assertThat(validator.validate(config)).isEqualTo(validator.validate(config));
        assertThat(config).isEqualTo(Example.config());
    }
}
