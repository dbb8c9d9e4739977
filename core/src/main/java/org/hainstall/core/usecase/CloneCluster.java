package org.hainstall.core.usecase;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.clone.CloneCheck;
import org.hainstall.core.clone.CloneProposer;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigException;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.config.ConfigValidator;
import org.hainstall.core.config.ConfigWriter;
import org.hainstall.core.config.Problem;
import org.hainstall.core.secrets.KeyGenerator;
import org.hainstall.core.secrets.SecretsGenerator;
import org.hainstall.core.secrets.SecretsStore;

/**
 * {@code clone}: propose a second cluster from a first one on the same subnets (new names, addresses, Heartbeat
 * port, new secrets in its own folder), and check a clone against its source for anything shared that would
 * collide.
 */
public final class CloneCluster {
    /** What a proposal wrote: the clone, its file, and the secrets generated beside it (names, never values). */
    public record Proposal(ClusterConfig source, ClusterConfig copy, Path file, List<String> madeSecrets) { }

    /** The proposal was refused before anything was written (a bad name, an existing file). */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    private final ConfigLoader loader;
    private final ConfigWriter writer;
    private final ConfigValidator validator;

    @Inject
    public CloneCluster(ConfigLoader loader, ConfigWriter writer, ConfigValidator validator) {
        this.loader = loader;
        this.writer = writer;
        this.validator = validator;
    }

    /** The clone of {@code source} named {@code name}, in memory only (the wizard saves it when the admin does). */
    public ClusterConfig propose(ClusterConfig source, String name) {
        return new CloneProposer().propose(source, name);
    }

    /**
     * Proposes the clone of the config at {@code from}, writes it to {@code output} (default: NAME.yaml beside the
     * source; never overwritten) and generates its own secrets beside it.
     */
    public Proposal proposeToFile(Path from, String name, Path output)
            throws ConfigException, RefusedException, java.io.IOException {
        ClusterConfig source = loader.load(from);
        // The config's own rule: a name accepted here must validate as cluster.name in the written clone.
        if (!ClusterConfig.ClusterInfo.isValidName(name)) {
            throw new RefusedException("--name " + name + ": " + ClusterConfig.ClusterInfo.NAME_RULE
                    + "; nothing was written");
        }
        ClusterConfig clone = propose(source, name);
        Path file = output != null ? output : from.toAbsolutePath().resolveSibling(name + ".yaml");
        if (Files.exists(file)) {
            throw new RefusedException(file + " exists; not overwritten");
        }
        writer.write(clone, file);
        List<String> made = new SecretsGenerator(SecretsStore.besideConfig(file), new KeyGenerator())
                .ensureGenerated(clone);
        return new Proposal(source, clone, file, made);
    }

    /** Loads a config (the source, or an edited clone). */
    public ClusterConfig load(Path file) throws ConfigException {
        return loader.load(file);
    }

    /**
     * Every problem of the clone: its own validation, then what it shares with its source that would collide,
     * secrets included where the folders beside the files exist.
     */
    public List<Problem> check(ClusterConfig source, Path sourceFile, ClusterConfig clone, Path cloneFile) {
        List<Problem> problems = new ArrayList<>(validator.validate(clone));
        problems.addAll(new CloneCheck().check(source, secretsOf(sourceFile, source), clone,
                secretsOf(cloneFile, clone)));
        return problems;
    }

    /** What an unsaved clone shares with its source (no secrets folders yet): the wizard's extra checks. */
    public List<Problem> collisions(ClusterConfig source, ClusterConfig clone) {
        return new CloneCheck().check(source, null, clone, null);
    }

    /** The secrets that matter for a clone check, read from the folder beside a config (absent parts are null). */
    private static CloneCheck.SharedSecrets secretsOf(Path configFile, ClusterConfig config) {
        SecretsStore store = SecretsStore.besideConfig(configFile);
        if (!Files.isDirectory(store.folder())) {
            return null;
        }
        List<String> drbd = new ArrayList<>();
        config.replication().resources().forEach(r -> store.drbdSecret(r.name()).ifPresent(drbd::add));
        return new CloneCheck.SharedSecrets(store.heartbeatAuthKey().orElse(null), drbd);
    }
}
