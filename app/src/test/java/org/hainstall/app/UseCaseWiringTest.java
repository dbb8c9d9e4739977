package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.hainstall.core.usecase.CreateCluster;
import org.hainstall.core.usecase.ModifyCluster;
import org.hainstall.core.usecase.ReconstructCluster;
import org.hainstall.core.plan.RunMode;
import org.hainstall.ui.WizardServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line and the wizard are two doors into the same use cases: built from the production injector, the
 * CLI's commands (resolved through picocli's Guice factory, as {@code Launcher} does) and the wizard's actions
 * (resolved through {@link WizardServices}, as {@code GuiCommand} does) hold the very same core instance.
 */
class UseCaseWiringTest {
    private Injector injector;
    private CommandLine cli;
    private WizardServices wizard;

    @BeforeEach
    void buildTheRealInjector() {
        injector = Guice.createInjector(new AppModule());
        cli = new CommandLine(HainstallCommand.class, new GuiceFactory(injector));
        wizard = injector.getInstance(WizardServices.class);
    }

    @Test
    void cliCreateAndTheWizardsStartRunTheSameCreateCluster() {
        CreateCommand create = cli.getSubcommands().get("create").getCommand();
        GuiWorkflows start = (GuiWorkflows) wizard.workflows();

        assertThat(create.useCase()).isInstanceOf(CreateCluster.class)
                .isSameAs(start.runs().of(RunMode.CREATE))
                .isSameAs(injector.getInstance(CreateCluster.class));
    }

    @Test
    void cliModifyAndTheWizardsStartRunTheSameModifyCluster() {
        ModifyCommand modify = cli.getSubcommands().get("modify").getCommand();
        GuiWorkflows start = (GuiWorkflows) wizard.workflows();

        assertThat(modify.useCase()).isInstanceOf(ModifyCluster.class)
                .isSameAs(start.runs().of(RunMode.MODIFY))
                .isSameAs(injector.getInstance(ModifyCluster.class));
    }

    @Test
    void cliReconstructAndTheWizardsReconstructReadThroughTheSameReconstructCluster() {
        ReconstructCommand reconstruct = cli.getSubcommands().get("reconstruct").getCommand();
        GuiReconstruction fromWizard = (GuiReconstruction) wizard.reconstruction();

        assertThat(reconstruct.useCase()).isSameAs(fromWizard.useCase())
                .isSameAs(injector.getInstance(ReconstructCluster.class));
    }
}
