package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hainstall.ui.Reconstruction;
import org.hainstall.ui.WizardServices;
import org.hainstall.ui.run.Workflows;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GuiCommandTest {
    @Test
    void guiIsASubcommandWithAConfigOption() {
        CommandLine cli = new CommandLine(HainstallCommand.class, Guice.createInjector(new AppModule())::getInstance);
        CommandLine gui = cli.getSubcommands().get("gui");
        assertThat(gui).isNotNull();
        assertThat(gui.getCommandSpec().findOption("--config")).isNotNull();
    }

    @Test
    void aMissingConfigFileIsRefusedBeforeAnyWindowOpens() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Launcher.run("gui", "--config", "/nonexistent/cluster.yaml")).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--config /nonexistent/cluster.yaml");
    }

    @Test
    void theInjectorWiresTheWizardToCoresEngineAndReconstruct() {
        Injector injector = Guice.createInjector(new AppModule());
        WizardServices services = injector.getInstance(WizardServices.class);
        assertThat(services.validator()).isNotNull();
        assertThat(services.files()).isNotNull();
        assertThat(services.workflows()).isNotSameAs(Workflows.NOT_WIRED).isInstanceOf(GuiWorkflows.class);
        assertThat(services.workflows().available()).isTrue();
        assertThat(services.reconstruction()).isNotSameAs(Reconstruction.NOT_WIRED)
                .isInstanceOf(GuiReconstruction.class);
        assertThat(services.reconstruction().available()).isTrue();
    }
}
