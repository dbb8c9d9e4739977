package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshServerExtension;
import org.hainstall.core.remote.SshShell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FAULTS 32 at the SSH level: reconstruct, run against a real SSH server that answers as the captured sales-db1
 * did, sends only commands that read, and the config it writes holds neither the DRBD secret nor the auth key.
 */
class ReconstructOverSshTest {
    private static final String DRBD_SECRET = "5b0c1e9a7d3f4e2a8c6b1d0f9e8a7c6b";
    private static final String AUTH_KEY = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    /** Everything reconstruct may run: each only reads. Anything else is a write the node never allowed. */
    private static final List<Pattern> READ_ONLY = List.of(
            Pattern.compile("uname -n"),
            Pattern.compile("hostname -d"),
            Pattern.compile("ip -j (addr|route) show( default)?"),
            Pattern.compile("cat /[A-Za-z0-9/._-]+"),
            Pattern.compile("printenv SSH_CLIENT"),
            Pattern.compile("(pvs|vgs|lvs) --reportformat json [A-Za-z0-9 ,_-]+"),
            Pattern.compile("findmnt --fstab --evaluate --json -o TARGET,SOURCE,FSTYPE"),
            Pattern.compile("sfdisk --json /dev/[a-z0-9]+"),
            Pattern.compile("drbdadm (dump all|role [a-z0-9_-]+)"),
            Pattern.compile("ls -1d /opt/ibm/db2/\\*/bin/db2level"),
            Pattern.compile("/opt/ibm/db2/[A-Za-z0-9._]+/instance/db2ilist"),
            Pattern.compile("getent passwd [a-z0-9]+"),
            Pattern.compile("stat -c %U /[A-Za-z0-9/._-]+"),
            Pattern.compile("su - [a-z0-9]+ -c '\\. ~/sqllib/db2profile && db2 (list database directory|get db cfg for [A-Za-z0-9]+)'"));

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    private NodeFacts captured;

    @BeforeEach
    void aNodeThatAnswersAsSalesDb1Did() throws IOException {
        try (InputStream in = ReconstructOverSshTest.class.getResourceAsStream("/reconstruct/sales-db1.facts")) {
            captured = NodeFactsFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        captured.put("drbd-dump", captured.get("drbd-dump").orElseThrow().replace("\"***\"", "\"" + DRBD_SECRET + "\""));
        captured.put("authkeys", "auth 1\n1 sha1 " + AUTH_KEY + "\n");
        sshd.on(line -> true, ctx -> {
            Optional<String> out = factFor(ctx.command()).flatMap(captured::get);
            out.ifPresent(ctx.stdout()::print);
            return out.isPresent() ? 0 : 1;
        });
    }

    /** Which captured fact a command line yields, by the commands FactsCollector is known to send. */
    private static Optional<String> factFor(String line) {
        for (FactsCollector.Probe p : FactsCollector.BASE) {
            if (p.command().line().equals(line)) {
                return Optional.of(p.fact());
            }
        }
        Map<String, String> prefixes = Map.of("sfdisk --json ", "sfdisk:", "drbdadm role ", "drbd-role:",
                "getent passwd ", "passwd:");
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            if (line.startsWith(e.getKey())) {
                return Optional.of(e.getValue() + line.substring(e.getKey().length()));
            }
        }
        if (line.equals("cat /etc/ha.d/authkeys")) {
            return Optional.of("authkeys");
        }
        if (line.endsWith("/instance/db2ilist")) {
            return Optional.of("db2ilist");
        }
        var su = Pattern.compile("su - ([a-z0-9]+) -c '.*db2 (list database directory|get db cfg for ([A-Za-z0-9]+))'")
                .matcher(line);
        if (su.matches()) {
            return Optional.of(su.group(3) == null ? "dbdir:" + su.group(1) : "dbcfg:" + su.group(1) + ":" + su.group(3));
        }
        if (line.startsWith("stat -c %U /db2home/db2inst1/")) {
            return Optional.of("fenced:db2inst1");
        }
        return Optional.empty();
    }

    @Test
    void sendsOnlyCommandsThatReadAndWritesAConfigWithoutSecrets() throws Exception {
        Reconstruction result;
        SecretsReader.ClusterSecrets secrets;
        try (SshShell shell = SshShell.connect(sshd.newTarget("sales-db1", "root"), SshOptions.DEFAULTS)) {
            NodeFacts facts = new FactsCollector(shell).collect();
            result = ConfigAssembler.assemble(facts, WorkstationSettings.defaults());
            secrets = new SecretsReader().read(shell);
        }

        assertThat(sshd.commands()).as("the second round ran too, so every kind of probe was seen")
                .contains("sfdisk --json /dev/vdb", "drbdadm role db2home", "getent passwd db2inst1")
                .anyMatch(c -> c.contains("db2 get db cfg for SALES"));
        assertThat(sshd.commands()).allSatisfy(c ->
                assertThat(READ_ONLY).as("a read-only pattern for: " + c).anyMatch(p -> p.matcher(c).matches()));
        assertThat(result.unreadable()).isEmpty();
        assertThat(secrets.heartbeatAuthKey()).contains(AUTH_KEY);
        assertThat(secrets.drbdSecrets()).containsValue(DRBD_SECRET);
        String written = new ConfigWriter().toYaml(result.config());
        assertThat(written).contains("db2home").doesNotContain(DRBD_SECRET).doesNotContain(AUTH_KEY);
        assertThat(secrets.toString()).doesNotContain(DRBD_SECRET).doesNotContain(AUTH_KEY);
    }
}
