package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.remote.RemoteException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A failed step reaches the admin as code, cause and remedy: in the result, the event and the event log line. */
class StepFailureTest {
    private final RecordingSink sink = new RecordingSink();

    @Test
    void aCodedFailureTravelsWithTheStepsResultAndEvent() {
        ScriptedStep disks = ScriptedStep.on("n1", "disks").onCheck(ctx -> {
            throw new StepException(ctx.stepId(), ProblemCode.DISK_FOREIGN, "on n1: disk /dev/vdb holds ext4",
                    "wipe it (wipefs -a /dev/vdb) and run again");
        });
        RunResult result = Runs.apply(sink, List.of(disks));

        StepResult r = result.results().get(StepId.onNode("disks", "n1"));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.failure()).isEqualTo(new StepFailure(ProblemCode.DISK_FOREIGN, "on n1: disk /dev/vdb holds ext4",
                "wipe it (wipefs -a /dev/vdb) and run again"));
        assertThat(r.summary()).contains("/dev/vdb holds ext4", "wipefs -a /dev/vdb");
        assertThat(sink.of(Event.StepFinished.class)).singleElement()
                .satisfies(e -> assertThat(e.failure()).isEqualTo(r.failure()));

        JsonNode line = JsonMapper.builder().build().readTree(new EventJson().line(
                sink.of(Event.StepFinished.class).get(0)));
        assertThat(line.get("code").asString()).isEqualTo("DISK_FOREIGN");
        assertThat(line.get("cause").asString()).isEqualTo("on n1: disk /dev/vdb holds ext4");
        assertThat(line.get("remedy").asString()).isEqualTo("wipe it (wipefs -a /dev/vdb) and run again");
    }

    @Test
    void aMessageOnlyFailureIsStepFailedWithTheMessageAsCause() {
        ScriptedStep packages = ScriptedStep.on("n1", "packages").onApply(ctx -> {
            throw new StepException(ctx.stepId(), "apt-get exited 100");
        });
        RunResult result = Runs.apply(sink, List.of(packages));

        StepResult r = result.results().get(StepId.onNode("packages", "n1"));
        assertThat(r.failure().code()).isEqualTo(ProblemCode.STEP_FAILED);
        assertThat(r.failure().cause()).isEqualTo("apt-get exited 100");
        assertThat(r.failure().remedy()).isNull();
        assertThat(r.summary()).isEqualTo("n1/packages: apt-get exited 100");
    }

    @Test
    void aFaultInAStepIsAnInternalErrorAndOtherOutcomesCarryNoFailure() {
        ScriptedStep broken = ScriptedStep.on("n1", "lvm").onCheck(ctx -> {
            throw new IllegalStateException("a bug");
        });
        ScriptedStep fine = ScriptedStep.on("n2", "lvm");
        RunResult result = Runs.apply(sink, List.of(broken, fine));

        assertThat(result.results().get(StepId.onNode("lvm", "n1")).failure().code())
                .isEqualTo(ProblemCode.STEP_INTERNAL_ERROR);
        assertThat(result.results().get(StepId.onNode("lvm", "n2")).failure()).isNull();
    }

    @Test
    void aRemoteFailureIsCodedByWhatWentWrongAndKeepsItsCause() {
        StepId id = StepId.onNode("lvm", "n1");
        RemoteException refused = new RemoteException(RemoteException.Kind.AUTHENTICATION,
                "n1 (10.0.0.1:22) refused the login of user 'root'; run `hainstall trust`.");
        RemoteException slow = new RemoteException(RemoteException.Kind.TIMEOUT,
                "command on n1 did not finish within PT1S and was killed: lvs");
        RemoteException full = new RemoteException(RemoteException.Kind.IO,
                "uploading /etc/fstab to n1 failed with exit 1 — No space left on device");

        StepException login = StepException.remote(id, "on n1: ", refused);
        assertThat(login.failure()).isEqualTo(new StepFailure(ProblemCode.NODE_UNREACHABLE,
                "on n1: " + refused.getMessage(), null));
        assertThat(login.getCause()).as("a lost connection must stay visible to the runner").isSameAs(refused);
        assertThat(StepException.remote(id, "", slow).failure().code()).isEqualTo(ProblemCode.NODE_COMMAND_TIMEOUT);
        assertThat(StepException.remote(id, "", full).failure())
                .satisfies(f -> assertThat(f.code()).isEqualTo(ProblemCode.NODE_IO_FAILED))
                .satisfies(f -> assertThat(f.remedy()).contains("full or read-only filesystem"));
    }
}
