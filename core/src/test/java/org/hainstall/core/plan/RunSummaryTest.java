package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static StepResult result(String step, Outcome outcome, String summary) {
        return new StepResult(StepId.onNode(step, "n1"), outcome, summary, Duration.ZERO);
    }

    @Test
    void aResumedRunCountsTheStepsItCarriedApartFromThoseItFoundAsTheConfigAsks() {
        Map<StepId, StepResult> results = new LinkedHashMap<>();
        for (StepResult r : new StepResult[] {
                result("packages", Outcome.OK, Runner.CARRIED + "20261126T030510Z-create; not redone"),
                result("ntp", Outcome.OK, Runner.CARRIED + "20261126T030510Z-create; not redone"),
                result("disks", Outcome.OK, "partitioned as configured: /dev/vdb"),
                result("lvm", Outcome.CHANGED, "created vg_db2")}) {
            results.put(r.step(), r);
        }

        String text = RunSummary.of(new RunResult("r2", RunEffect.APPLY, false, results));

        assertThat(text).startsWith("1 changed, 1 already as the config asks, 2 finished in the resumed run (not redone)")
                .contains("Changed: n1/lvm");
    }

    @Test
    void aFreshRunSaysNothingOfCarriedSteps() {
        Map<StepId, StepResult> results = new LinkedHashMap<>();
        StepResult ok = result("ntp", Outcome.OK, "chrony configured, in sync");
        results.put(ok.step(), ok);

        assertThat(RunSummary.of(new RunResult("r1", RunEffect.APPLY, false, results)))
                .isEqualTo("0 changed, 1 already as the config asks. Changed: nothing");
    }
}
