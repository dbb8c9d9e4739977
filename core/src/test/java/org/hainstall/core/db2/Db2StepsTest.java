package org.hainstall.core.db2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hainstall.core.testing.StepFailures.coded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.node.Fixtures;
import org.hainstall.core.node.NodeActions;
import org.hainstall.core.os.Accounts;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.storage.Mounts;
import org.junit.jupiter.api.Test;
import org.hainstall.core.testing.TestClusters;

class Db2StepsTest {
    private final ClusterConfig config = TestClusters.example();

    private static ProcDrbd proc(String name) {
        return ProcDrbd.parse(Fixtures.read("proc-drbd-" + name + ".txt"));
    }

    private static Accounts accounts(String node) {
        return Accounts.parse(Fixtures.read("getent-passwd-" + node + ".txt"),
                Fixtures.read("getent-group-" + node + ".txt"));
    }

    @Test
    void createsUsersWithTheFirstIdsFreeOnBothNodes() throws StepException {
        Map<String, Accounts> nodes = new LinkedHashMap<>();
        nodes.put("sales-db1", accounts("db1"));
        nodes.put("sales-db2", accounts("db2"));
        List<NodeActions> plan = Db2UsersStep.decide(config, new Db2UsersStep.Facts(nodes));
        List<String> expected = List.of(
                "run: groupadd -g 1102 db2inst1",
                "run: useradd -u 1102 -g db2inst1 -s /bin/bash -d /db2home/db2inst1 -M db2inst1",
                "run: groupadd -g 1103 db2fenc1",
                "run: useradd -u 1103 -g db2fenc1 -s /bin/bash -m db2fenc1");
        assertThat(plan).extracting(NodeActions::node).containsExactly("sales-db1", "sales-db2");
        assertThat(plan.get(0).actions().stream().map(Action::describe)).containsExactlyElementsOf(expected);
        assertThat(plan.get(1).actions().stream().map(Action::describe)).containsExactlyElementsOf(expected);
    }

    @Test
    void reusesExistingIdsAndRefusesMismatches() throws StepException {
        Accounts db1 = Accounts.parse(Fixtures.read("getent-passwd-db1.txt")
                + "db2inst1:x:1200:1200::/db2home/db2inst1:/bin/bash\ndb2fenc1:x:1201:1201::/home/db2fenc1:/bin/bash\n",
                Fixtures.read("getent-group-db1.txt") + "db2inst1:x:1200:\ndb2fenc1:x:1201:\n");
        Map<String, Accounts> nodes = new LinkedHashMap<>();
        nodes.put("sales-db1", db1);
        nodes.put("sales-db2", accounts("db2"));
        List<NodeActions> plan = Db2UsersStep.decide(config, new Db2UsersStep.Facts(nodes));
        assertThat(plan.get(0).actions()).isEmpty();
        assertThat(plan.get(1).actions().stream().map(Action::describe))
                .contains("run: useradd -u 1200 -g db2inst1 -s /bin/bash -d /db2home/db2inst1 -M db2inst1");

        Accounts db2 = Accounts.parse(Fixtures.read("getent-passwd-db2.txt")
                + "db2inst1:x:1300:1300::/db2home/db2inst1:/bin/bash\n",
                Fixtures.read("getent-group-db2.txt") + "db2inst1:x:1200:\n");
        nodes.put("sales-db2", db2);
        assertThatThrownBy(() -> Db2UsersStep.decide(config, new Db2UsersStep.Facts(nodes)))
                .hasMessageContaining("db2inst1").hasMessageContaining("1200").hasMessageContaining("1300")
                .hasMessageContaining("usermod -u").satisfies(coded(ProblemCode.DB2_ACCOUNT_ID_MISMATCH));
    }

    @Test
    void refusesToInstallWithoutAReadableImageOnTheWorkstation() {
        assertThatThrownBy(() -> Db2InstallStep.decide(config, "sales-db1", new Db2InstallStep.Facts(false, false)))
                .hasMessageContaining("sales-db1: DB2 is not installed").hasMessageContaining("db2.installImage")
                .satisfies(coded(ProblemCode.DB2_IMAGE_UNREADABLE));
    }

    private Db2InstanceStep.Facts instanceFacts(String proc, List<String> ilist, String greg, String services,
                                                List<Mounts.Mount> mounts) {
        return new Db2InstanceStep.Facts(proc(proc), ilist, Db2OutputParser.registryInstances(greg),
                Map.of("db2inst1", "/db2home/db2inst1"), Set.of(), services, new Mounts(mounts));
    }

    @Test
    void createsAStubOnTheStandby() throws StepException {
        Check.Change change = (Check.Change) Db2InstanceStep.decide(config, "sales-db2", instanceFacts(
                "secondary-synced", List.of(), "", "ssh\t\t22/tcp\n", List.of()));
        assertThat(change.actions()).containsExactly(
                new Action.WriteFile("/etc/services", "ssh\t\t22/tcp\ndb2c_db2inst1\t50000/tcp\t# DB2 instance"
                        + " db2inst1 (hainstall)\n", 0644, false),
                new Action.Run(org.hainstall.core.remote.Command.of("/opt/ibm/db2/V11.5/bin/db2greg", "-addinstrec",
                        "service=DB2,instancename=db2inst1,instancepath=/db2home/db2inst1/sqllib,"
                                + "installpath=/opt/ibm/db2/V11.5,startatboot=0")));
    }

    @Test
    void stubInPlaceIsSatisfied() throws StepException {
        assertThat(Db2InstanceStep.decide(config, "sales-db2", instanceFacts("secondary-synced", List.of("db2inst1"),
                Fixtures.read("db2greg-dump-stub.txt"), "db2c_db2inst1 50000/tcp\n", List.of())))
                .isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void refusesANonHaInstanceOnTheStandby() {
        assertThatThrownBy(() -> Db2InstanceStep.decide(config, "sales-db2", instanceFacts("secondary-synced",
                List.of("db2inst9"), Fixtures.read("db2greg-dump-local.txt"), "", List.of())))
                .hasMessageContaining("sales-db2").hasMessageContaining("db2inst9")
                .hasMessageContaining("/home/db2inst9").hasMessageContaining("nothing changed")
                .satisfies(coded(ProblemCode.DB2_INSTANCE_NOT_HA));
    }

    @Test
    void createsTheRealInstanceOnTheActiveNodeWithHomeOnDrbd() throws StepException {
        Check.Change change = (Check.Change) Db2InstanceStep.decide(config, "sales-db1", instanceFacts(
                "primary-synced", List.of(), "", "db2c_db2inst1 50000/tcp\n", List.of(
                        new Mounts.Mount("/", "/dev/vda", "ext4"), new Mounts.Mount("/db2home", "/dev/drbd0", "ext4"))));
        assertThat(change.actions().stream().map(Action::describe)).containsExactly(
                "run: install -d -o db2inst1 -g db2inst1 -m 0755 /db2home/db2inst1",
                "run: /opt/ibm/db2/V11.5/instance/db2icrt -u db2fenc1 -p 50000 db2inst1");
    }

    @Test
    void refusesInstanceCreationWhenTheDrbdFilesystemIsNotMounted() {
        assertThatThrownBy(() -> Db2InstanceStep.decide(config, "sales-db1", instanceFacts("primary-synced",
                List.of(), "", "", List.of(new Mounts.Mount("/", "/dev/vda", "ext4")))))
                .hasMessageContaining("/db2home/db2inst1").hasMessageContaining("not on a mounted DRBD")
                .satisfies(coded(ProblemCode.DB2_HOME_NOT_MOUNTED));
    }

    @Test
    void refusesAPortClashInEtcServices() {
        assertThatThrownBy(() -> Db2InstanceStep.decide(config, "sales-db2", instanceFacts("secondary-synced",
                List.of(), "", "other 50000/tcp\n", List.of()))).hasMessageContaining("taken by service other")
                .satisfies(coded(ProblemCode.DB2_SERVICES_CONFLICT));
        assertThatThrownBy(() -> Db2InstanceStep.decide(config, "sales-db2", instanceFacts("secondary-synced",
                List.of(), "", "db2c_db2inst1 50001/tcp\n", List.of())))
                .hasMessageContaining("/etc/services gives db2c_db2inst1 port 50001/tcp, not 50000/tcp")
                .satisfies(coded(ProblemCode.DB2_SERVICES_CONFLICT));
    }

    @Test
    void movesAnInstanceOnlyWhenThereIsRoomAndKeepsTheSource() throws StepException {
        Db2MoveStep.Facts roomy = new Db2MoveStep.Facts(proc("primary-synced"), List.of("db2inst1"),
                Map.of("db2inst1", "/home/db2inst1"),
                Map.of("db2inst1", new Db2MoveStep.Usage(100L << 20, 500L << 20, true, true)));
        Check.Change change = (Check.Change) Db2MoveStep.decide(config, "sales-db1", roomy);
        assertThat(change.actions().stream().map(Action::describe)).containsExactly(
                "run: su - db2inst1 -c '. ~/sqllib/db2profile && db2stop force'",
                "run: install -d -o db2inst1 -g db2inst1 -m 0755 /db2home/db2inst1",
                "run: cp -a -- /home/db2inst1/. /db2home/db2inst1",
                "run: usermod -d /db2home/db2inst1 db2inst1",
                "run: /opt/ibm/db2/V11.5/instance/db2iupdt db2inst1",
                "run: su - db2inst1 -c '. ~/sqllib/db2profile && db2start'");
        assertThat(change.actions()).noneMatch(a -> a.describe().contains("rm "));
        Db2MoveStep.Facts stopped = new Db2MoveStep.Facts(proc("primary-synced"), List.of("db2inst1"),
                Map.of("db2inst1", "/home/db2inst1"),
                Map.of("db2inst1", new Db2MoveStep.Usage(100L << 20, 500L << 20, true, false)));
        assertThat(((Check.Change) Db2MoveStep.decide(config, "sales-db1", stopped)).actions().stream()
                .map(Action::describe)).noneMatch(a -> a.contains("db2start") || a.contains("db2stop"));

        Db2MoveStep.Facts full = new Db2MoveStep.Facts(proc("primary-synced"), List.of("db2inst1"),
                Map.of("db2inst1", "/home/db2inst1"),
                Map.of("db2inst1", new Db2MoveStep.Usage(100L << 20, 105L << 20, true, true)));
        assertThatThrownBy(() -> Db2MoveStep.decide(config, "sales-db1", full))
                .hasMessageContaining("nothing was changed").hasMessageContaining("105 MiB")
                .satisfies(coded(ProblemCode.DB2_HOME_NO_SPACE));
        // The lab's stand-in home is a few hundred KiB: the figures stay readable below one MiB.
        Db2MoveStep.Facts small = new Db2MoveStep.Facts(proc("primary-synced"), List.of("db2inst1"),
                Map.of("db2inst1", "/home/db2inst1"),
                Map.of("db2inst1", new Db2MoveStep.Usage(300L << 10, 150L << 10, true, true)));
        assertThatThrownBy(() -> Db2MoveStep.decide(config, "sales-db1", small))
                .hasMessageContaining("needs about 330 KiB but only 150 KiB are free");

        Db2MoveStep.Facts occupied = new Db2MoveStep.Facts(proc("primary-synced"), List.of("db2inst1"),
                Map.of("db2inst1", "/home/db2inst1"),
                Map.of("db2inst1", new Db2MoveStep.Usage(100L << 20, 500L << 20, false, true)));
        assertThatThrownBy(() -> Db2MoveStep.decide(config, "sales-db1", occupied))
                .hasMessageContaining("/db2home/db2inst1 exists and is not empty")
                .satisfies(coded(ProblemCode.DB2_HOME_NOT_EMPTY));
    }

    @Test
    void createsMissingDatabasesOnTheActiveNodeOnly() {
        DatabasesStep.Facts none = new DatabasesStep.Facts(proc("primary-synced"), Map.of("db2inst1", List.of()),
                Set.of(), Map.of("/db2data", "root"));
        Check.Change change = (Check.Change) DatabasesStep.decide(config, "sales-db1", none);
        assertThat(change.actions().stream().map(Action::describe)).containsExactly(
                "run: su - db2inst1 -c '. ~/sqllib/db2profile && db2start'",
                "run: chown db2inst1:db2inst1 /db2data",
                "run: su - db2inst1 -c '. ~/sqllib/db2profile && db2 create database SALES on /db2data using"
                        + " codeset UTF-8 territory US'");

        DatabasesStep.Facts have = new DatabasesStep.Facts(proc("primary-synced"), Map.of("db2inst1",
                Db2OutputParser.databaseNames(Fixtures.read("db2-list-db-directory.txt"))), Set.of("db2inst1"),
                Map.of("/db2data", "db2inst1"));
        assertThat(DatabasesStep.decide(config, "sales-db1", have)).isInstanceOf(Check.Satisfied.class);
        assertThat(DatabasesStep.decide(config, "sales-db1", new DatabasesStep.Facts(proc("secondary-synced"), Map.of(),
                Set.of(), Map.of()))).isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void quotesValuesInsideTheOwnersCommand() {
        ClusterConfig.Database odd = new ClusterConfig.Database("SALES", "/db2 data", "UTF-8", "US");
        assertThat(Db2Commands.createDatabase("db2inst1", odd).line()).isEqualTo(
                "su - db2inst1 -c '. ~/sqllib/db2profile && db2 create database SALES on '\\''/db2 data'\\'' using"
                        + " codeset UTF-8 territory US'");
    }
}
