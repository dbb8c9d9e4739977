package org.hainstall.core.usecase;

import java.nio.file.Path;
import org.hainstall.core.remote.ShellFactory;

/** The SSH shells of a cluster: its key and pinned host keys live in the secrets folder beside its config file. */
public interface ShellsSource {
    ShellFactory forConfig(Path configFile);
}
