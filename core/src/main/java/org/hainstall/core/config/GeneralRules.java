package org.hainstall.core.config;

import java.util.List;

/** Cluster name, management side, access, provisioning, time and packages. */
final class GeneralRules implements Rule {
    @Override
    public void check(ClusterConfig c, ProblemList p) {
        if (p.required("cluster", c.cluster()) && p.required("cluster.name", c.cluster().name())
                && !Names.clusterName(c.cluster().name())) {
            p.error("cluster.name", ProblemCode.CLUSTER_NAME_INVALID, "cluster name " + Quote.of(c.cluster().name())
                    + " must be " + ClusterConfig.ClusterInfo.NAME_RULE + " (it names VMs and folders).");
        }
        if (p.required("management", c.management())) {
            ClusterConfig.Management m = c.management();
            if (p.required("management.address", m.address()) && Checks.address(p, "management.address", m.address())) {
                Ipv4.notUnicast(Ipv4.parse(m.address()).getAsLong()).ifPresent(why -> p.error("management.address",
                        ProblemCode.MANAGEMENT_ADDRESS_NOT_UNICAST, m.address() + " is " + why + "; the nodes call "
                                + "back to it, so it must be this workstation's own address on their network."));
            }
            if (p.required("management.callbackPort", m.callbackPort())) {
                Checks.port(p, "management.callbackPort", m.callbackPort());
            }
        }
        if (p.required("access", c.access())) {
            ClusterConfig.Access a = c.access();
            if (p.required("access.user", a.user()) && !Names.user(a.user())) {
                p.error("access.user", ProblemCode.USER_NAME_INVALID, Quote.of(a.user())
                        + " is not a plain user name (lowercase letters, digits, '_' and '-', at most 32 characters).");
            }
            if (p.required("access.port", a.port())) {
                Checks.port(p, "access.port", a.port());
            }
        }
        provisioning(c, p);
        time(c, p);
        if (c.packages() != null && c.packages().localRepository() != null) {
            Checks.path(p, "packages.localRepository", c.packages().localRepository());
        }
    }

    private static void provisioning(ClusterConfig c, ProblemList p) {
        if (!p.required("provisioning", c.provisioning()) || !p.required("provisioning.kind", c.provisioning().kind())) {
            return;
        }
        String timeout = c.provisioning().callbackTimeout();
        if (timeout != null) {
            java.util.Optional<java.time.Duration> t = Durations.parse(timeout);
            if (t.isEmpty() || t.get().compareTo(java.time.Duration.ofMinutes(1)) < 0) {
                p.error("provisioning.callbackTimeout", ProblemCode.DURATION_INVALID, "'" + timeout
                        + "' is not a duration of at least 1m such as 10m or 1h (how long a node's call back is"
                        + " awaited).");
            }
        }
        if (!c.provisioning().isLibvirt() || !p.required("provisioning.libvirt", c.provisioning().libvirt())) {
            return;
        }
        ClusterConfig.Libvirt l = c.provisioning().libvirt();
        if (p.required("provisioning.libvirt.uri", l.uri()) && !Names.libvirtUri(l.uri())) {
            p.error("provisioning.libvirt.uri", ProblemCode.LIBVIRT_URI_INVALID,
                    Quote.of(l.uri()) + " is not a libvirt URI such as qemu:///system.");
        }
        libvirtName(p, "provisioning.libvirt.stub", l.stub());
        libvirtName(p, "provisioning.libvirt.storagePool", l.storagePool());
        libvirtName(p, "provisioning.libvirt.network", l.network());
        libvirtName(p, "provisioning.libvirt.replicationNetwork", l.replicationNetwork());
    }

    private static void libvirtName(ProblemList p, String path, String name) {
        if (p.required(path, name) && !Names.libvirtName(name)) {
            p.error(path, ProblemCode.LIBVIRT_NAME_INVALID, Quote.of(name)
                    + " is not a plain libvirt name (letters, digits, '_', '.', '+' and '-', at most 64 characters).");
        }
    }

    private static void time(ClusterConfig c, ProblemList p) {
        if (!p.required("time", c.time())) {
            return;
        }
        List<String> servers = c.time().ntpServers();
        if (p.required("time.ntpServers", servers)) {
            for (int i = 0; i < servers.size(); i++) {
                String s = servers.get(i);
                String path = Rule.at("time.ntpServers", i);
                if (p.required(path, s) && !Names.hostname(s) && Ipv4.parse(s).isEmpty()) {
                    p.error(path, ProblemCode.HOSTNAME_INVALID, Quote.of(s) + " is neither a host name nor an IPv4 address.");
                }
            }
        }
        String tz = c.time().timezone();
        if (p.required("time.timezone", tz) && !Names.timezone(tz)) {
            p.error("time.timezone", ProblemCode.TIMEZONE_INVALID,
                    Quote.of(tz) + " is not a time zone; write UTC or Area/City such as Europe/Berlin.");
        }
    }
}
