package org.hainstall.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hainstall.core.plan.Event;
import org.hainstall.core.plan.Outcome;
import org.hainstall.core.plan.StepId;
import org.junit.jupiter.api.Test;

class PlanSummaryTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theProgramDecidesWhetherACommandIsDestructiveNeverAnArgument() {
        assertThat(PlanSummary.Destructive.of("run: env DEBIAN_FRONTEND=noninteractive apt-get -y install parted "
                + "fdisk lvm2")).isNull();
        assertThat(PlanSummary.Destructive.of("run: sh -c 'sfdisk --wipe never -- \"$1\" < \"$2\"' sh /dev/vdb f"))
                .isEqualTo(PlanSummary.Destructive.PARTITIONS);
        assertThat(PlanSummary.Destructive.of("run: pvcreate /dev/vdb1")).isEqualTo(PlanSummary.Destructive.PHYSICAL_VOLUME);
        assertThat(PlanSummary.Destructive.of("run: mkfs -t ext4 /dev/drbd0")).isEqualTo(PlanSummary.Destructive.FILESYSTEM);
        assertThat(PlanSummary.Destructive.of("run: /sbin/mkfs.xfs /dev/drbd1")).isEqualTo(PlanSummary.Destructive.FILESYSTEM);
        assertThat(PlanSummary.Destructive.of("run: drbdadm create-md db2home")).isEqualTo(PlanSummary.Destructive.DRBD_METADATA);
        assertThat(PlanSummary.Destructive.of("run: drbdadm primary --force db2home"))
                .isEqualTo(PlanSummary.Destructive.PRIMARY_FORCE);
        assertThat(PlanSummary.Destructive.of("run: drbdadm up db2home")).isNull();
        assertThat(PlanSummary.Destructive.of("write /etc/fstab (mode 0644):")).isNull();
        assertThat(PlanSummary.Destructive.of("run: mount /backup")).isNull();
    }

    @Test
    void countsChangesAndUndecidedStepsPerNodeWithTheClusterWideOnesLast() {
        PlanSummary plan = new PlanSummary();
        plan.accept(new Event.ChangePlanned(T, StepId.cluster("provision"), "clone", List.of("run: virsh start x")));
        plan.accept(new Event.ChangePlanned(T, StepId.onNode("disks", "b"), "partition", List.of("run: sfdisk /dev/vdb")));
        plan.accept(new Event.ChangePlanned(T, StepId.onNode("ntp", "a"), "chrony", List.of("write /etc/chrony.conf")));
        plan.accept(new Event.StepFinished(T, StepId.onNode("db2-install", "a"), Outcome.UNKNOWN,
                "undecided until a/packages applied", java.time.Duration.ZERO));

        assertThat(plan.nodes()).extracting(PlanSummary.NodePlan::node).containsExactly("a", "b", "cluster-wide");
        assertThat(plan.nodes().get(0)).satisfies(a -> {
            assertThat(a.changes()).isEqualTo(1);
            assertThat(a.undecided()).isEqualTo(1);
            assertThat(a.destructive()).isEmpty();
        });
        assertThat(plan.changes()).isEqualTo(3);
        assertThat(plan.anyDestructive()).isTrue();
        assertThat(plan.text()).isEqualTo("""
                a: 1 change, 1 to be decided once earlier changes are applied, nothing destructive
                b: 1 change, destructive:
                    partitions: sfdisk /dev/vdb
                cluster-wide: 1 change, nothing destructive
                """);
    }

    @Test
    void anEmptyPlanSaysThereIsNothingToChange() {
        assertThat(new PlanSummary().text()).isEqualTo("Nothing to change: the nodes already match the config.\n");
    }
}
