package org.hainstall.core.os;

import java.util.List;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FactStep;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;

/**
 * The cluster's packages (NTP, partitioner, LVM, DRBD, Heartbeat, ksh). Every disk step depends on this one, so a
 * failed install stops the run before any disk is touched (FAULT 20).
 */
public final class PackagesStep extends FactStep<PackagesStep.Facts> {

    public record Facts(Set<String> installed) {
        public Facts {
            installed = Set.copyOf(installed);
        }
    }

    private final ClusterConfig config;
    private final PackageManager packages;

    public PackagesStep(ClusterConfig config, String node, PackageManager packages, NodeSnapshots snapshots) {
        super(StepNames.PACKAGES, node, "Packages", Set.of(), snapshots);
        this.config = config;
        this.packages = packages;
    }

    @Override
    public List<Fact> facts() {
        return List.of(OsProbe.packages(packages));
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        // dpkg-query exits 1 when some package is unknown; the known ones are still listed on stdout
        var r = node.result(OsProbe.packages(packages));
        if (r.exitCode() > 1) {
            throw new StepException(id(), ProblemCode.FACT_COMMAND_FAILED, "on " + node.node() + ": dpkg-query"
                    + " failed with exit " + r.exitCode(), "dpkg's database may be locked or damaged: run dpkg-query"
                    + " -W on the node to see why, fix it (dpkg --configure -a), then run again");
        }
        return new Facts(packages.installed(r.stdout()));
    }

    @Override
    protected Check decide(Facts facts) {
        return decide(config, packages, facts);
    }

    public static Check decide(ClusterConfig config, PackageManager packages, Facts facts) {
        List<String> missing = packages.clusterPackages().stream().filter(p -> !facts.installed().contains(p)).toList();
        if (missing.isEmpty()) {
            return Check.satisfied("packages installed");
        }
        boolean local = config.packages() != null && config.packages().localRepository() != null;
        return Check.change("install " + String.join(", ", missing) + (local ? " from the seed's repository (the node's"
                + " own sources where hainstall did not prepare the node)" : ""),
                packages.install(missing, local));
    }
}
