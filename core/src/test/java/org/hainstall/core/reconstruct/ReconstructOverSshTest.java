package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.node.Probe;
import org.hainstall.core.node.Shellcheck;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshServerExtension;
import org.hainstall.core.remote.SshShell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * FAULTS 32 at the SSH level: reconstruct, run against a real SSH server that answers as the captured sales-db1
 * did, reads the node with one remote command whose facts only read, and the config it writes holds neither the DRBD
 * secret nor the auth key (read in the same look for --with-secrets).
 */
class ReconstructOverSshTest {
    private static final String DRBD_SECRET = "5b0c1e9a7d3f4e2a8c6b1d0f9e8a7c6b";
    private static final String AUTH_KEY = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    /** Everything reconstruct may run: each only reads. Anything else is a write the node never allowed. */
    private static final List<Pattern> READ_ONLY = List.of(
            Pattern.compile("uname -n"),
            Pattern.compile("hostname -d"),
            Pattern.compile("ip -json (addr|route|neigh) show( default)?"),
            Pattern.compile("cat /[A-Za-z0-9/._-]+"),
            Pattern.compile("printenv SSH_CLIENT"),
            Pattern.compile("(pvs|vgs|lvs) --reportformat json [A-Za-z0-9 ,_-]+"),
            Pattern.compile("findmnt --fstab --evaluate --json -o TARGET,SOURCE,FSTYPE"),
            Pattern.compile("drbdadm dump all"),
            Pattern.compile("sh -c 'ls -1d /opt/ibm/db2/\\*/bin/db2level'"),
            // the fragments' facts, whose names the node reports
            Pattern.compile("sfdisk --json \"/dev/\\$parent\""),
            Pattern.compile("\"\\$db2path/instance/db2ilist\""),
            Pattern.compile("getent passwd \"\\$instance\""),
            Pattern.compile("stat -c %U \"\\$home/sqllib/adm/.fenced\""),
            Pattern.compile("su - \"\\$instance\" -c ['\"]\\. ~/sqllib/db2profile && db2 (list database directory"
                    + "|get db cfg for \\$db)['\"]"));

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    private NodeFacts captured;
    private volatile String script;

    @BeforeEach
    void aNodeThatAnswersAsSalesDb1Did() throws IOException {
        try (InputStream in = ReconstructOverSshTest.class.getResourceAsStream("/reconstruct/sales-db1.facts")) {
            captured = NodeFactsFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        captured.put("drbd-dump", captured.get("drbd-dump").orElseThrow().replace("\"***\"", "\"" + DRBD_SECRET + "\""));
        captured.put("authkeys", "auth 1\n1 sha1 " + AUTH_KEY + "\n");
        sshd.on(line -> line.startsWith("sh -s -- "), ctx -> {
            try (InputStream in = ctx.stdin()) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String boundary = ctx.command().substring(ctx.command().lastIndexOf(' ') + 1);
            ctx.stdout().print(Probe.answer(script, boundary, new CapturedNode()));
            return 0;
        });
    }

    /** Answers each fact as the captured node did; each fragment with the captured facts it would have found. */
    private final class CapturedNode implements Probe.Answer {
        @Override
        public CommandResult answer(Command command) {
            String name = FactsCollector.probe(true).facts().stream()
                    .filter(f -> f.command().line().equals(command.line())).findFirst().orElseThrow().name();
            return captured.get(name).map(out -> new CommandResult(0, out, ""))
                    .orElse(new CommandResult(1, "", "no such fact captured"));
        }

        @Override
        public Map<String, CommandResult> fragment(String name) {
            List<String> prefixes = name.equals("disks.sh") ? List.of("sfdisk:")
                    : List.of("db2ilist", "passwd:", "fenced:", "dbdir:", "dbcfg:");
            Map<String, CommandResult> found = new LinkedHashMap<>();
            captured.outputs().forEach((fact, out) -> {
                if (prefixes.stream().anyMatch(fact::startsWith)) {
                    found.put(fact, new CommandResult(0, out, ""));
                }
            });
            return found;
        }
    }

    /** Each fact's command in a probe script: the fact lines, and the fragments' {@code fact "NAME" COMMAND} lines. */
    private static List<String> factCommands(String script) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*fact (?:'[^']*'|\"[^\"]*\"|\\S+) (.*)$").matcher(script);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void readsTheNodeInOneRemoteCommandThatOnlyReadsAndWritesAConfigWithoutSecrets() throws Exception {
        Reconstruction result;
        FactsCollector.WithSecrets read;
        try (SshShell shell = SshShell.connect(sshd.newTarget("sales-db1", "root"), SshOptions.DEFAULTS)) {
            read = new FactsCollector(shell).collectWithSecrets();
            result = ConfigAssembler.assemble(read.facts(), WorkstationSettings.defaults());
        }

        assertThat(sshd.commands()).hasSize(1);
        assertThat(factCommands(script)).as("every fact the probe reads, the fragments' too")
                .hasSizeGreaterThan(20)
                .allSatisfy(c -> assertThat(READ_ONLY).as("a read-only pattern for: " + c)
                        .anyMatch(p -> p.matcher(c).matches()));
        assertThat(result.unreadable()).isEmpty();
        assertThat(read.facts().outputs()).containsKeys("sfdisk:/dev/vdb", "passwd:db2inst1", "dbcfg:db2inst1:SALES")
                .doesNotContainKey("authkeys");
        SecretsReader.ClusterSecrets secrets = read.secrets();
        assertThat(secrets.heartbeatAuthKey()).contains(AUTH_KEY);
        assertThat(secrets.drbdSecrets()).containsValue(DRBD_SECRET);
        String written = new ConfigWriter().toYaml(result.config());
        assertThat(written).contains("db2home").doesNotContain(DRBD_SECRET).doesNotContain(AUTH_KEY);
        assertThat(secrets.toString()).doesNotContain(DRBD_SECRET).doesNotContain(AUTH_KEY);
    }

    @Test
    void theScriptReconstructSendsIsCleanUnderShellcheck(@TempDir Path dir) throws Exception {
        Shellcheck.assertClean(FactsCollector.probe(true).script(), dir, "reconstruct");
    }
}
