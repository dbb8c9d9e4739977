package org.hainstall.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = HainstallCommand.class.getPackage().getImplementationVersion();
        return new String[] {"hainstall " + (version == null ? "development" : version)};
    }
}
