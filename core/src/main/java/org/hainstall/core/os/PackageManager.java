package org.hainstall.core.os;

import java.util.List;
import java.util.Set;
import org.hainstall.core.plan.Action;
import org.hainstall.core.remote.Command;

/** The node's package manager: apt on Debian; dnf nodes can follow with their own implementation. */
public interface PackageManager {

    /** The packages the cluster needs, by this distribution's names. */
    List<String> clusterPackages();

    /** A read-only command whose output {@link #installed} reads. */
    Command query(List<String> packages);

    /** The installed ones among the queried, from the query's stdout. */
    Set<String> installed(String queryOutput);

    /**
     * Installs the packages, non-interactively.
     *
     * @param localOnly use only the local repository node-prep set up from the seed (nodes without a mirror)
     */
    List<Action> install(List<String> packages, boolean localOnly);
}
