package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hainstall.core.config.ProblemCode;
import org.junit.jupiter.api.Test;

/**
 * Step failures carry specific codes: core's main code reports a failure with a {@link ProblemCode}, a cause and a
 * remedy, not through the message-only {@link StepException} constructors (whose code is the generic
 * {@link ProblemCode#STEP_FAILED}), and every run code the docs list is one that core reports. Read from the
 * compiled classes, so a fully qualified {@code new org.hainstall.core.plan.StepException(...)}, a lambda or a
 * subclass's {@code super(...)} is seen too.
 */
class StepFailureCodesTest {
    /**
     * The only message-only uses left, and why each stays:
     * <ul>
     *   <li>{@code StepCancelledException.<init>}: a cancelled step ends UNKNOWN and the runner reports no failure
     *       for it, so its code is never seen;</li>
     *   <li>{@code StepException.interrupted}: nothing interrupts a step's thread in a run (cancel works between
     *       steps and through {@link StepCancelledException}), so a code for it would document what never
     *       happens.</li>
     * </ul>
     * Shrinking this list is welcome; growing it needs a reason as good as these.
     */
    private static final Set<String> MESSAGE_ONLY_ALLOWED = Set.of(
            "StepCancelledException.<init>",
            "StepException.interrupted");

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.hainstall.core");

    /** Each caller of the message-only constructors as "Class.method", with where it is (for the failure message). */
    private static Map<String, String> messageOnlyCallers() {
        JavaClass stepException = CORE.get(StepException.class);
        Map<String, String> callers = new TreeMap<>();
        Stream.of(stepException.getConstructor(StepId.class, String.class),
                        stepException.getConstructor(StepId.class, String.class, Throwable.class))
                .flatMap(c -> c.getAccessesToSelf().stream())
                // The two message-only constructors delegate to each other: not a use.
                .filter(a -> !(a.getOriginOwner().equals(stepException) && a.getOrigin().isConstructor()))
                .forEach(a -> callers.merge(a.getOriginOwner().getSimpleName() + "." + a.getOrigin().getName(),
                        location(a), (x, y) -> x + ", " + y));
        return callers;
    }

    private static String location(JavaAccess<?> access) {
        return access.getSourceCodeLocation().toString();
    }

    @Test
    void coreReportsStepFailuresWithASpecificCodeNotTheGenericStepFailed() {
        Map<String, String> callers = messageOnlyCallers();
        assertThat(callers.keySet())
                .as("message-only StepException uses in core (each becomes STEP_FAILED): %s — give them a"
                        + " ProblemCode, a cause and a remedy", callers)
                .isSubsetOf(MESSAGE_ONLY_ALLOWED);
        assertThat(callers).as("at most %s places may stay STEP_FAILED", MESSAGE_ONLY_ALLOWED.size())
                .hasSizeLessThanOrEqualTo(MESSAGE_ONLY_ALLOWED.size());
    }

    @Test
    void theGuardSeesTheCodedFailuresItCompares() {
        // Without this, an import that found no classes would make the check above pass by seeing nothing.
        JavaClass stepException = CORE.get(StepException.class);
        int coded = stepException.getConstructor(StepId.class, ProblemCode.class, String.class, String.class)
                .getAccessesToSelf().size();
        assertThat(coded).as("coded StepException constructions in core").isGreaterThan(40);
        assertThat(messageOnlyCallers()).containsKey("StepCancelledException.<init>");
    }

    @Test
    void everyRunCodeTheDocsListIsOneCoreReports() {
        // A code on docs/PROBLEM_CODES.md that nothing reports sends an administrator looking for what never happens.
        JavaClass problemCode = CORE.get(ProblemCode.class);
        List<String> unused = Arrays.stream(ProblemCode.values())
                .filter(c -> c.area() == ProblemCode.Area.RUN)
                // The enum's own initializer writes every constant: only a use elsewhere counts.
                .filter(c -> problemCode.getField(c.name()).getAccessesToSelf().stream()
                        .allMatch(a -> a.getOriginOwner().equals(problemCode)))
                .map(ProblemCode::name)
                .toList();
        assertThat(unused).as("run codes that no class of core uses").isEmpty();
    }
}
