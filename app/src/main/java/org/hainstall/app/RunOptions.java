package org.hainstall.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that {@code create} and {@code modify} share. */
public class RunOptions {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The cluster's config file.")
    Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override one config value, e.g. nodes[1].address=192.168.122.22 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--dry-run", description = "Show, per node, what would change, with the exact commands and "
            + "files (secrets masked); change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "With --dry-run: print the plan as JSON.")
    boolean json;

    @Option(names = "--yes", description = "Do not ask for confirmation before changing the nodes.")
    boolean yes;

    @Option(names = {"-v", "--verbose"}, description = "Show every command's output, prefixed with its node.")
    boolean verbose;

    @Option(names = "--fresh", description = "Do not resume an unfinished earlier run; check every step again.")
    boolean fresh;
}
