package org.hainstall.ui.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.ProblemCode;
import org.junit.jupiter.api.Test;

class ProblemWordingTest {
    private final ProblemWording wording = new ProblemWording(path -> Optional.ofNullable(Map.of(
            "replication.resources[0].minor", "Resource 1 › Minor",
            "heartbeat.udpPort", "Heartbeat › UDP port").get(path)));

    @Test
    void aPathInACoreSentenceBecomesTheFieldsLabel() {
        assertThat(wording.sentence(Problem.error("replication.resources[1].minor", ProblemCode.DRBD_MINOR_DUPLICATE,
                "/dev/drbd0 is already used by replication.resources[0].minor.")))
                .isEqualTo("/dev/drbd0 is already used by Resource 1 › Minor.");
        assertThat(wording.sentence(Problem.error("management.callbackPort", ProblemCode.PORT_COLLISION,
                "port 6940 is already used by the Heartbeat UDP port (heartbeat.udpPort).")))
                .isEqualTo("Port 6940 is already used by the Heartbeat UDP port (Heartbeat › UDP port).");
    }

    @Test
    void aPathNoFormNamesAndTextThatIsNoPathStayAsTheyAre() {
        assertThat(wording.namePaths("see nodes[3].address, e.g. 0.debian.pool.ntp.org"))
                .isEqualTo("see nodes[3].address, e.g. 0.debian.pool.ntp.org");
    }

    @Test
    void missingValuesAreSaidShortly() {
        assertThat(wording.sentence(Problem.error("cluster.name", ProblemCode.VALUE_REQUIRED, "'name' is required.")))
                .isEqualTo("Required.");
        assertThat(wording.sentence(Problem.error("storage.disks", ProblemCode.VALUE_REQUIRED,
                "'disks' is required and must list at least one entry."))).isEqualTo("Required: add at least one.");
        assertThat(ProblemWording.isMissingValue(Problem.error("nodes", ProblemCode.VALID_DATA_HOLDER_COUNT, "x")))
                .isTrue();
        assertThat(ProblemWording.isMissingValue(Problem.error("nodes[1].holdsValidData",
                ProblemCode.VALID_DATA_HOLDER_COUNT, "x"))).as("two holders is a mistake, not a gap").isFalse();
    }

    @Test
    void aPathNoPageNamesIsSaidInWords() {
        assertThat(ProblemWording.inWords("replication.resources[1].filesystem")).isEqualTo(
                "Replication › Resources 2 › Filesystem");
    }
}
