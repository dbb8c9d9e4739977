package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hainstall.core.config.ClusterConfig.Backup;
import org.hainstall.core.config.ClusterConfig.Database;
import org.hainstall.core.config.ClusterConfig.Db2;
import org.hainstall.core.config.ClusterConfig.Db2Instance;
import org.hainstall.core.db2.Db2OutputParser;

/** The config's DB2 section (instances, their users, ports and databases) and its backup section. */
final class Db2Reading {
    private static final Pattern SERVICES_LINE = Pattern.compile("^(db2c_[a-z][a-z0-9]{0,7})\\s+(\\d+)/tcp\\b.*");

    private final NodeFacts facts;
    private final Gaps gaps;
    /** Not on the nodes: the workstation's own DB2 image, for a clone's install. */
    private final String installImage;

    Db2Reading(NodeFacts facts, Gaps gaps, String installImage) {
        this.facts = facts;
        this.gaps = gaps;
        this.installImage = installImage;
    }

    static Optional<String> installPath(String db2Paths) {
        return db2Paths.lines().map(String::strip).filter(l -> l.endsWith("/bin/db2level"))
                .map(l -> l.substring(0, l.length() - "/bin/db2level".length())).findFirst();
    }

    static String homeOf(String passwdLine) {
        String[] f = passwdLine.strip().split(":");
        return f.length >= 6 ? f[5] : null;
    }

    Db2 db2() {
        Optional<String> installPath = facts.get("db2-paths").flatMap(Db2Reading::installPath);
        if (installPath.isEmpty()) {
            gaps.missing("db2.installPath", "db2-paths");
            return null;
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        facts.get("services").ifPresent(s -> s.lines().forEach(l -> {
            Matcher m = SERVICES_LINE.matcher(l.strip());
            if (m.matches()) {
                ports.put(m.group(1).substring("db2c_".length()), Integer.valueOf(m.group(2)));
            }
        }));
        List<Db2Instance> instances = new ArrayList<>();
        for (String name : facts.get("db2ilist").map(Db2OutputParser::instanceList).orElse(List.of())) {
            String home = facts.get("passwd:" + name).map(Db2Reading::homeOf).orElse(null);
            String fenced = facts.get("fenced:" + name).map(String::strip).orElse(null);
            if (fenced == null) {
                gaps.missing("db2.instances: " + name + ".fencedUser", "fenced:" + name);
            }
            if (!ports.containsKey(name)) {
                gaps.note("db2.instances: " + name + ".port: no db2c_" + name + " entry in /etc/services");
            }
            List<Database> dbs = new ArrayList<>();
            for (Db2OutputParser.DirectoryEntry e : facts.get("dbdir:" + name)
                    .map(Db2OutputParser::databaseDirectory).orElse(List.of())) {
                Map<String, String> cfg = facts.get("dbcfg:" + name + ":" + e.name())
                        .map(Db2OutputParser::keyValues).orElse(Map.of());
                dbs.add(new Database(e.name(), e.localDirectory(), cfg.get("Database code set"),
                        cfg.get("Database territory")));
            }
            instances.add(new Db2Instance(name, name, fenced, ports.get(name), home, dbs));
        }
        return new Db2(installPath.get(), installImage, instances);
    }

    Backup backup() {
        Optional<String> cron = facts.get("backup-cron");
        Optional<String> conf = facts.get("backup-conf");
        if (cron.isEmpty() || conf.isEmpty()) {
            gaps.missing("backup", cron.isEmpty() ? "backup-cron" : "backup-conf");
            return null;
        }
        String schedule = cron.get().lines().map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty() && !l.contains("=")).findFirst()
                .map(l -> String.join(" ", List.of(l.split("\\s+")).subList(0, 5))).orElse(null);
        // The backup tool's config (node/BackupFiles): "target DIR", "retention-days N", "database INST OWNER DB".
        String target = null;
        Integer retention = null;
        List<String> dbs = new ArrayList<>();
        for (String line : conf.get().split("\n")) {
            String[] w = line.replaceAll("#.*", "").strip().split("\\s+");
            if (w.length >= 2 && w[0].equals("target")) {
                target = w[1];
            } else if (w.length >= 2 && w[0].equals("retention-days") && w[1].matches("\\d{1,6}")) {
                retention = Integer.valueOf(w[1]);
            } else if (w.length >= 4 && w[0].equals("database")) {
                dbs.add(w[3]);
            }
        }
        return new Backup(target, schedule, retention, dbs);
    }
}
