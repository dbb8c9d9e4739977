package org.hainstall.core.remote;

import org.hainstall.core.config.ClusterConfig;

/** Opens the shell of one node of a cluster: SSH with the cluster's key and pinned host keys, or local. */
public interface ShellFactory {
    Shell open(ClusterConfig config, ClusterConfig.Node node) throws RemoteException;
}
