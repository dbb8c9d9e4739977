package org.hainstall.core.seed;

import java.util.Map;

/**
 * The NoCloud files at the seed's root, so that a stub with cloud-init uses the seed as it is: meta-data (instance
 * and host name), network-config (disabled: node-prep owns the network) and user-data (keep the host keys node-prep
 * installs; run node-prep from the mounted seed). A stub without cloud-init ignores them and runs node-prep from its
 * own first-boot unit (docs/INTERFACES.md). Built from the allow-listed {@link NodeEnv} values only.
 * meta-data and user-data are what cloud-init needs; the network is node-prep's alone (see {@link #networkConfig()}).
 */
public final class NoCloudFiles {
    /** Where user-data mounts the seed before running node-prep. */
    public static final String MOUNT = "/run/hainstall-seed";

    private NoCloudFiles() {
    }

    public static String metaData(Map<String, String> env) {
        return "instance-id: hainstall-" + env.get("NODE_NAME") + "\n"
                + "local-hostname: " + env.get("NODE_NAME") + "\n";
    }

    /**
     * cloud-init's part: make only an ed25519 host key at first (node-prep replaces it with the pinned one and
     * restarts sshd before calling back), then run node-prep from the mounted seed. Valid for
     * {@code cloud-init schema --config-file} (a test runs Debian's cloud-init on it).
     */
    public static String userData() {
        return "#cloud-config\n"
                + "# hainstall: node-prep.sh prepares the node (network, host keys, access, call back);\n"
                + "# cloud-init only keeps out of its way and runs it.\n"
                + "ssh_deletekeys: true\n"
                + "ssh_genkeytypes: [ed25519]\n"
                + "runcmd:\n"
                + "  - [sh, -c, 'mkdir -p " + MOUNT + " && (mountpoint -q " + MOUNT + " || mount -o ro LABEL=cidata "
                + MOUNT + ") && sh " + MOUNT + "/hainstall/node-prep.sh " + MOUNT + "']\n";
    }

    /**
     * Network config "disabled": node-prep configures the interfaces (found by MAC, addresses with broadcast) and
     * persists them. A v2 config here would make cloud-init name the interfaces after its keys and write a second,
     * competing configuration; with "disabled" it neither renames nor falls back to DHCP.
     */
    public static String networkConfig() {
        return "# hainstall: node-prep.sh configures the network (interfaces by MAC); cloud-init leaves it alone.\n"
                + "config: disabled\n";
    }
}
