package org.hainstall.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.concurrent.CompletableFuture;
import org.hainstall.core.plan.Prompt;
import org.junit.jupiter.api.Test;
import org.hainstall.core.plan.RunMode;

/** Core's own module builds every use case, one instance each, with nothing else installed. */
class CoreModuleTest {
    private final Injector injector = Guice.createInjector(new CoreModule());

    @Test
    void everyUseCaseIsBuiltFromCoreAlone() {
        for (Class<?> useCase : new Class<?>[] {CreateCluster.class, ModifyCluster.class, ReconstructCluster.class,
                CloneCluster.class, ReadStatus.class, SwitchOver.class, TrustNodes.class, ValidateConfig.class}) {
            assertThat(injector.getInstance(useCase)).as(useCase.getSimpleName())
                    .isSameAs(injector.getInstance(useCase));
        }
    }

    @Test
    void theRunForAModeIsThatModesUseCase() {
        ClusterRuns runs = injector.getInstance(ClusterRuns.class);
        assertThat(runs.of(RunMode.CREATE)).isSameAs(injector.getInstance(CreateCluster.class));
        assertThat(runs.of(RunMode.MODIFY)).isSameAs(injector.getInstance(ModifyCluster.class));
        assertThat(runs.of(RunMode.CREATE).mode()).isEqualTo(RunMode.CREATE);
        assertThat(runs.of(RunMode.MODIFY).mode()).isEqualTo(RunMode.MODIFY);
    }

    @Test
    void aRunRefusesARequestForTheOtherMode() {
        CreateCluster create = injector.getInstance(CreateCluster.class);
        RunRequest modify = new RunRequest(null, null, RunMode.MODIFY, true);
        assertThatThrownBy(() -> create.start(modify, e -> { },
                p -> CompletableFuture.completedFuture(Prompt.Answer.CANCEL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("modify");
    }

    @Test
    void theModesAreTheWordsTheAdminTypes() {
        assertThat(RunMode.CREATE.word()).isEqualTo("create");
        assertThat(RunMode.MODIFY.word()).isEqualTo("modify");
    }
}
