package org.hainstall.core.reconstruct;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;

/**
 * A config read from a live cluster, and every part that could not be read (never a silent gap): each entry
 * names the config path or the fact and why.
 */
public record Reconstruction(ClusterConfig config, List<String> unreadable) {
    public Reconstruction {
        unreadable = List.copyOf(unreadable);
    }
}
