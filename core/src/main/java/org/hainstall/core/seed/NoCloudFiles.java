package org.hainstall.core.seed;

import java.util.Map;

/**
 * The NoCloud files at the seed's root, so that a stub with cloud-init uses the seed as it is: meta-data (instance
 * and host name), network-config (v2, interfaces matched by MAC) and user-data (keep the host keys node-prep
 * installs; run node-prep from the mounted seed). A stub without cloud-init ignores them and runs node-prep from its
 * own first-boot unit (docs/INTERFACES.md). Built from the allow-listed {@link NodeEnv} values only.
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

    public static String userData() {
        return "#cloud-config\n"
                + "# hainstall: node-prep.sh prepares the node (network, host keys, access, call back);\n"
                + "# cloud-init only keeps out of its way and runs it.\n"
                + "ssh_deletekeys: false\n"
                + "ssh_genkeytypes: []\n"
                + "runcmd:\n"
                + "  - [sh, -c, 'mkdir -p " + MOUNT + " && (mountpoint -q " + MOUNT + " || mount -o ro LABEL=cidata "
                + MOUNT + ") && sh " + MOUNT + "/hainstall/node-prep.sh " + MOUNT + "']\n";
    }

    public static String networkConfig(Map<String, String> env) {
        StringBuilder sb = new StringBuilder("version: 2\nethernets:\n");
        sb.append("  main:\n")
                .append("    match:\n      macaddress: \"").append(env.get("NODE_MAC")).append("\"\n")
                .append("    addresses: [").append(env.get("NODE_ADDRESS")).append('/').append(env.get("NODE_PREFIX"))
                .append("]\n");
        if (!env.get("NODE_GATEWAY").isEmpty()) {
            sb.append("    routes:\n      - to: default\n        via: ").append(env.get("NODE_GATEWAY")).append('\n');
        }
        if (!env.get("DNS_SERVERS").isEmpty()) {
            sb.append("    nameservers:\n      addresses: [").append(env.get("DNS_SERVERS").replace(" ", ", "))
                    .append("]\n");
            if (!env.get("DOMAIN").isEmpty()) {
                sb.append("      search: [").append(env.get("DOMAIN")).append("]\n");
            }
        }
        if (!env.get("REPL_ADDRESS").isEmpty()) {
            sb.append("  replication:\n")
                    .append("    match:\n      macaddress: \"").append(env.get("REPL_MAC")).append("\"\n")
                    .append("    addresses: [").append(env.get("REPL_ADDRESS")).append('/')
                    .append(env.get("REPL_PREFIX")).append("]\n");
        }
        return sb.toString();
    }
}
