package org.hainstall.core.drbd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the config needs of one DRBD resource, taken from {@code drbdadm dump}: minor, port, backing volume,
 * protocol, and each host's replication address. The shared secret is read separately, only for
 * {@code --with-secrets}.
 */
public record DrbdResourceFacts(String name, Integer minor, Integer port, String disk, String protocol,
                                List<Host> hosts, Optional<String> sharedSecret) {

    public record Host(String name, String address, Integer port, Integer minor, String disk) { }

    private static final Pattern ADDRESS = Pattern.compile("(?:ipv4\\s+)?([0-9.]+):(\\d+)");
    private static final Pattern MINOR_IN_DEVICE = Pattern.compile("/dev/drbd(\\d+)");

    /** Every resource in a dump. */
    public static List<DrbdResourceFacts> fromDump(String dump) {
        List<DrbdResourceFacts> out = new ArrayList<>();
        List<DrbdConfigParser.Node> top = DrbdConfigParser.parse(dump);
        Optional<DrbdConfigParser.Node> common = top.stream().filter(n -> n.keyword().equals("common")).findFirst();
        for (DrbdConfigParser.Node res : top) {
            if (res.keyword().equals("resource") && !res.args().isEmpty()) {
                out.add(of(res, common));
            }
        }
        return out;
    }

    private static DrbdResourceFacts of(DrbdConfigParser.Node res, Optional<DrbdConfigParser.Node> common) {
        List<Host> hosts = new ArrayList<>();
        for (DrbdConfigParser.Node on : res.all("on")) {
            String hostName = on.args().isEmpty() ? null : on.args().get(0);
            String address = null;
            Integer port = null;
            Optional<DrbdConfigParser.Node> addr = on.child("address");
            if (addr.isPresent()) {
                Matcher m = ADDRESS.matcher(String.join(" ", addr.get().args()));
                if (m.find()) {
                    address = m.group(1);
                    port = Integer.valueOf(m.group(2));
                }
            }
            Integer minor = on.child("device").map(DrbdResourceFacts::minorOf).orElse(res.child("device")
                    .map(DrbdResourceFacts::minorOf).orElse(null));
            String disk = on.value("disk").orElse(res.value("disk").orElse(null));
            hosts.add(new Host(hostName, address, port, minor, disk));
        }
        String protocol = res.deepValue("protocol")
                .or(() -> common.flatMap(c -> c.deepValue("protocol"))).orElse(null);
        Optional<String> secret = res.deepValue("shared-secret")
                .or(() -> common.flatMap(c -> c.deepValue("shared-secret")));
        Host first = hosts.isEmpty() ? new Host(null, null, null, null, null) : hosts.get(0);
        return new DrbdResourceFacts(res.args().get(0), first.minor(), first.port(), first.disk(), protocol,
                List.copyOf(hosts), secret);
    }

    private static Integer minorOf(DrbdConfigParser.Node device) {
        List<String> a = device.args();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals("minor") && i + 1 < a.size()) {
                return Integer.valueOf(a.get(i + 1));
            }
        }
        for (String arg : a) {
            Matcher m = MINOR_IN_DEVICE.matcher(arg);
            if (m.matches()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    /** "vg_db2/lv_db2home" from "/dev/vg_db2/lv_db2home" or "/dev/mapper/vg_db2-lv_db2home". */
    public Optional<String> backingVolume() {
        if (disk == null) {
            return Optional.empty();
        }
        Matcher dev = Pattern.compile("/dev/([A-Za-z0-9_.+][A-Za-z0-9_.+-]*)/([A-Za-z0-9_.+][A-Za-z0-9_.+-]*)")
                .matcher(disk);
        if (dev.matches() && !dev.group(1).equals("mapper")) {
            return Optional.of(dev.group(1) + "/" + dev.group(2));
        }
        Matcher mapper = Pattern.compile("/dev/mapper/(.+?)(?<!-)-(?!-)(.+)").matcher(disk);
        if (mapper.matches()) {
            return Optional.of(mapper.group(1).replace("--", "-") + "/" + mapper.group(2).replace("--", "-"));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        // Never print the shared secret.
        return "DrbdResourceFacts[" + name + ", minor " + minor + ", port " + port + ", disk " + disk + "]";
    }
}
