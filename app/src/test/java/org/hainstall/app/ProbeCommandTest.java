package org.hainstall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Probe;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshServerExtension;
import org.hainstall.core.remote.SshShell;
import org.hainstall.core.usecase.ShellsSource;
import org.hainstall.core.workflow.NodeStepCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** hainstall probe, against a real SSH server standing in for both nodes of the example cluster. */
class ProbeCommandTest {
    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    @Test
    void writesTheLookModifyTakesAtEachNodeWithOneReadOnlyCommandPerNode() throws Exception {
        Path config = Files.copy(Path.of("..", "examples", "cluster.yaml"), tmp.resolve("sales-db.yaml"));
        Path output = tmp.resolve("looks");
        sshd.on(c -> c.startsWith("sh -s -- "), SshServerExtension.probe(c -> new CommandResult(1, "", "not here")));
        ShellsSource shells = file -> (cfg, node) -> {
            try {
                return SshShell.connect(sshd.newTarget(node.name(), "root"), SshOptions.DEFAULTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Launcher.run(Guice.createInjector(Modules.override(new AppModule()).with(new AbstractModule() {
            @Override
            protected void configure() {
                bind(ShellsSource.class).toInstance(shells);
            }
        })), new PrintWriter(out, true), new PrintWriter(err, true), "probe", "--config", config.toString(),
                "--output", output.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(sshd.commands()).hasSize(2).allMatch(c -> c.startsWith("sh -s -- "));
        ClusterConfig cluster = new ConfigLoader().load(config);
        for (ClusterConfig.Node node : cluster.nodes()) {
            Path file = output.resolve(node.name() + ".probe");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String text = Files.readString(file);
            assertThat(Probe.parse(text, Probe.boundaryOf(text)).keySet()).containsExactlyElementsOf(
                    NodeStepCatalog.probe(cluster, node.name()).facts().stream().map(Fact::name).toList());
            assertThat(out.toString()).contains(node.name() + ": ");
        }
    }
}
