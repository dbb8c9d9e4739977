package org.hainstall.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodePrepVerdictTest {
    private static final MachineSigns RUNNING = new MachineSigns(true, null, List.of());

    @Test
    void keepsWaitingWhileTheNodeBoots() {
        assertThat(NodePrepVerdict.reasonToStop(RUNNING, null, null)).isEmpty();
        assertThat(NodePrepVerdict.reasonToStop(RUNNING, "2026-12-05T14:00:00Z node-prep: preparing lab-db1\n",
                Duration.ofSeconds(20))).isEmpty();
    }

    @Test
    void givesUpOnAVmThatStopped() {
        assertThat(NodePrepVerdict.reasonToStop(new MachineSigns(false, "shut off", List.of()), null, null))
                .hasValueSatisfying(r -> assertThat(r).contains("its VM is shut off"));
    }

    @Test
    void givesUpWhenTheConsoleShowsNodePrepCannotCallBack() {
        MachineSigns signs = new MachineSigns(true, null, List.of("node-prep: preparing lab-db1",
                "node-prep: cannot call back: neither python3 nor curl and openssl are on this node"));
        assertThat(NodePrepVerdict.reasonToStop(signs, null, null)).hasValueSatisfying(r -> assertThat(r)
                .isEqualTo("its console says: cannot call back: neither python3 nor curl and openssl are on this node"));
    }

    @Test
    void givesUpWhenTheInstallerCannotBeReachedFromTheNode() {
        StringBuilder log = new StringBuilder("2026-12-05T14:00:00Z node-prep: prepared: ok\n");
        for (int i = 1; i <= 5; i++) {
            log.append("2026-12-05T14:00:0").append(i).append("Z node-prep: call back to http://192.168.122.1:8740/")
                    .append("callback/lab-db1 failed (attempt ").append(i).append("): timed out; retrying\n");
        }
        assertThat(NodePrepVerdict.reasonToStop(RUNNING, log.toString(), Duration.ofSeconds(30))).isEmpty();
        log.append("2026-12-05T14:00:06Z node-prep: call back to http://192.168.122.1:8740/callback/lab-db1 failed ")
                .append("(attempt 6): timed out; retrying\n");
        assertThat(NodePrepVerdict.reasonToStop(RUNNING, log.toString(), Duration.ofSeconds(35)))
                .hasValueSatisfying(r -> assertThat(r).startsWith("it cannot reach this workstation's call-back "
                        + "address (6 attempts failed)").contains("(attempt 6)"));
    }

    @Test
    void givesUpOnANodeThatAnswersSshButStaysQuiet() {
        assertThat(NodePrepVerdict.reasonToStop(RUNNING, "", NodePrepVerdict.QUIET_AFTER_SSH.minusSeconds(1)))
                .isEmpty();
        assertThat(NodePrepVerdict.reasonToStop(RUNNING, "", NodePrepVerdict.QUIET_AFTER_SSH))
                .hasValueSatisfying(r -> assertThat(r).contains("has not called back in 75 s; node-prep left no log"));
    }

    @Test
    void readsNodePrepsLinesFromASerialConsole() {
        String console = "[   49.3] cloud-init[237]: ci-info: +-------+\n"
                + "[   52.1] cloud-init[801]: 2026-12-05T14:00:00Z node-prep: preparing lab-db1 from /run/hainstall-seed\n"
                + "\u001b[0m[  OK  ] Started ssh.service\n"
                + "[   60.0] cloud-init[801]: 2026-12-05T14:00:09Z node-prep: cannot call back: neither python3 nor\n";
        assertThat(SerialConsole.nodePrepLines(console)).containsExactly(
                "2026-12-05T14:00:00Z node-prep: preparing lab-db1 from /run/hainstall-seed",
                "2026-12-05T14:00:09Z node-prep: cannot call back: neither python3 nor");
    }
}
