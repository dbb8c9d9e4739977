package org.hainstall.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.ThrowingConsumer;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.plan.StepException;

/** Assertions on the code a step's failure carries, for the steps' refusal tests. */
public final class StepFailures {
    private StepFailures() {
    }

    /** {@code assertThatThrownBy(...).satisfies(coded(DISK_FOREIGN))}: a {@link StepException} with that code. */
    public static ThrowingConsumer<Throwable> coded(ProblemCode code) {
        return thrown -> {
            assertThat(thrown).isInstanceOf(StepException.class);
            assertThat(((StepException) thrown).failure().code()).as("the code of: %s", thrown.getMessage())
                    .isEqualTo(code);
        };
    }
}
