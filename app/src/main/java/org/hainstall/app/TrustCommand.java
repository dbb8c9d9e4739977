package org.hainstall.app;

import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.ClusterTrust;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.secrets.SecretsException;
import org.hainstall.core.usecase.TrustNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hainstall trust}: a thin shell around {@link ClusterTrust}. Exit 0 when every node is trusted, 1 when a
 * node failed (the message names it), 2 when the config cannot be read.
 */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "First contact with nodes hainstall did not create: confirm and pin each node's SSH host key, "
                + "then install the cluster's SSH key using your existing login.")
final class TrustCommand implements Callable<Integer> {

    /** Reads the config file; the strict loader of core/config plugs in here. */
    @FunctionalInterface
    interface ConfigSource {
        ClusterConfig load(Path file) throws Exception;
    }

    /** The strict loader of core/config. */
    static final ConfigSource STRICT_LOADER = file -> new org.hainstall.core.config.ConfigLoader().load(file);

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The cluster's config file.")
    Path config;

    @Option(names = "--node", paramLabel = "NAME", description = "Trust only this node.")
    String node;

    @Option(names = "--fingerprint", paramLabel = "NODE=SHA256:…",
            description = "The host-key fingerprint you expect for a node (checked instead of asking).")
    Map<String, String> fingerprints = new LinkedHashMap<>();

    @Option(names = "--login-key", paramLabel = "FILE",
            description = "Your private key for the first login (default: your keys in ~/.ssh).")
    Path loginKey;

    @Option(names = "--login-user", paramLabel = "USER",
            description = "The user you log in as, when not the config's access user (needs passwordless sudo).")
    String loginUser;

    @Spec
    CommandSpec spec;

    private final ConfigSource configs;
    private final Reader in;
    private final TrustNodes trust;

    @Inject
    TrustCommand(TrustNodes trust) {
        this(STRICT_LOADER, new InputStreamReader(System.in, StandardCharsets.UTF_8), trust);
    }

    TrustCommand(ConfigSource configs, Reader in) {
        this(configs, in, new TrustNodes(SshOptions.DEFAULTS));
    }

    TrustCommand(ConfigSource configs, Reader in, TrustNodes trust) {
        this.configs = configs;
        this.in = in;
        this.trust = trust;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterConfig cluster;
        try {
            cluster = configs.load(config);
        } catch (Exception e) {
            err.println("hainstall trust: " + config + ": " + e.getMessage() + " (nothing was done)");
            return ExitCodes.BAD_CONFIG;
        }
        BufferedReader answers = new BufferedReader(in);
        ClusterTrust.Console console = new ClusterTrust.Console() {
            @Override
            public void info(String line) {
                out.println(line);
            }

            @Override
            public boolean confirm(String question) {
                out.print(question + ": ");
                out.flush();
                try {
                    String answer = answers.readLine();
                    return answer != null && answer.strip().equalsIgnoreCase("yes");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try {
            TrustNodes.Result result = trust.trust(new TrustNodes.Request(config, cluster, Optional.ofNullable(node),
                    fingerprints, loginKey, Optional.ofNullable(loginUser)), console);
            out.println("Trusted " + result.trusted().size() + " node(s); pins in " + result.pins());
            return ExitCodes.SUCCESS;
        } catch (RemoteException | SecretsException | IllegalArgumentException e) {
            err.println("hainstall trust: " + e.getMessage());
            return ExitCodes.STEP_FAILED;
        }
    }
}
