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
    void theToolkitStartsEarlyOnlyWhenAWindowWillOpen() {
        assertThat(Launcher.opensWindow("gui")).isTrue();
        assertThat(Launcher.opensWindow("gui", "-c", "sales-db.yaml")).isTrue();
        assertThat(Launcher.opensWindow("gui", "--help")).isFalse();
        assertThat(Launcher.opensWindow("validate", "-c", "gui")).isFalse();
        assertThat(Launcher.opensWindow("--version")).isFalse();
        assertThat(Launcher.opensWindow()).isFalse();
    }

    @Test
    void onlyAPlainGuiCommandSkipsTheParserAndEveryOtherFormGoesThroughIt() {
        assertThat(Launcher.plainGui("gui")).contains(java.util.Optional.empty());
        assertThat(Launcher.plainGui("gui", "-c", "a.yaml")).contains(java.util.Optional.of(java.nio.file.Path.of("a.yaml")));
        assertThat(Launcher.plainGui("gui", "--config", "a.yaml")).contains(java.util.Optional.of(java.nio.file.Path.of("a.yaml")));
        assertThat(Launcher.plainGui("gui", "--config=a.yaml")).contains(java.util.Optional.of(java.nio.file.Path.of("a.yaml")));
        assertThat(Launcher.plainGui("gui", "--help")).isEmpty();
        assertThat(Launcher.plainGui("gui", "-c")).isEmpty();
        assertThat(Launcher.plainGui("gui", "-c", "--help")).isEmpty();
        assertThat(Launcher.plainGui("gui", "--bogus")).isEmpty();
        assertThat(Launcher.plainGui("validate", "-c", "a.yaml")).isEmpty();
    }

    @Test
    void anUnknownGuiOptionIsRefusedByTheParser() {
        java.io.StringWriter err = new java.io.StringWriter();
        assertThat(Launcher.run(new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(err, true), "gui", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage: hainstall gui");
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
