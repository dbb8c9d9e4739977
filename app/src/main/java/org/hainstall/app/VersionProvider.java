package org.hainstall.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"hainstall " + version()};
    }

    /** The version from the manifest, e.g. "0.1.0-SNAPSHOT"; "development" when run from classes. */
    static String version() {
        String version = HainstallCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
