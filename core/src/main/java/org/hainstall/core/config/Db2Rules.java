package org.hainstall.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DB2: install paths, instances (names, users, ports, homes on replicated storage) and their databases. */
final class Db2Rules implements Rule {
    @Override
    public void check(ClusterConfig c, ProblemList p) {
        if (!p.required("db2", c.db2())) {
            return;
        }
        ClusterConfig.Db2 db2 = c.db2();
        if (p.required("db2.installPath", db2.installPath())) {
            Checks.path(p, "db2.installPath", db2.installPath());
        }
        if (p.required("db2.installImage", db2.installImage())) {
            Checks.path(p, "db2.installImage", db2.installImage());
        }
        if (!p.required("db2.instances", db2.instances())) {
            return;
        }
        List<String> replicated = FilesystemRules.replicatedMountPoints(c);
        Map<String, String> instances = new HashMap<>();
        Map<String, String> databases = new HashMap<>();
        for (int i = 0; i < db2.instances().size(); i++) {
            String path = Rule.at("db2.instances", i);
            ClusterConfig.Db2Instance in = db2.instances().get(i);
            if (!p.required(path, in)) {
                continue;
            }
            if (p.required(path + ".name", in.name())) {
                if (!Names.db2Instance(in.name())) {
                    p.error(path + ".name", ProblemCode.DB2_INSTANCE_NAME_INVALID, Quote.of(in.name()) + " is not a DB2 instance "
                            + "name: at most 8 lowercase letters and digits, starting with a letter, not starting with "
                            + "sql, ibm or sys.");
                } else {
                    String earlier = instances.putIfAbsent(in.name(), path + ".name");
                    if (earlier != null) {
                        p.error(path + ".name", ProblemCode.DB2_INSTANCE_DUPLICATE,
                                "instance " + Quote.of(in.name()) + " is already declared at " + earlier + ".");
                    }
                }
            }
            if (p.required(path + ".owner", in.owner())) {
                if (!Names.user(in.owner())) {
                    p.error(path + ".owner", ProblemCode.USER_NAME_INVALID, Quote.of(in.owner()) + " is not a plain user name.");
                } else if (in.name() != null && !in.owner().equals(in.name())) {
                    p.error(path + ".owner", ProblemCode.DB2_INSTANCE_OWNER_MISMATCH, "DB2 names an instance after its "
                            + "owner: owner " + Quote.of(in.owner()) + " must be " + Quote.of(in.name()) + ".");
                }
            }
            if (p.required(path + ".fencedUser", in.fencedUser()) && !Names.user(in.fencedUser())) {
                p.error(path + ".fencedUser", ProblemCode.USER_NAME_INVALID, Quote.of(in.fencedUser()) + " is not a plain user name.");
            }
            if (p.required(path + ".port", in.port())) {
                Checks.port(p, path + ".port", in.port());
            }
            if (p.required(path + ".home", in.home()) && Checks.path(p, path + ".home", in.home())
                    && replicated.stream().noneMatch(m -> Names.isUnder(in.home(), m))) {
                p.error(path + ".home", ProblemCode.DB2_HOME_NOT_REPLICATED, Quote.of(in.home()) + " is not on a replicated "
                        + "filesystem " + replicated + "; the instance could not fail over.");
            }
            databases(in, path, replicated, databases, p);
        }
    }

    private static void databases(ClusterConfig.Db2Instance in, String path, List<String> replicated,
                                  Map<String, String> seen, ProblemList p) {
        List<ClusterConfig.Database> dbs = Rule.each(in.databases());
        for (int j = 0; j < dbs.size(); j++) {
            String dp = Rule.at(path + ".databases", j);
            ClusterConfig.Database db = dbs.get(j);
            if (!p.required(dp, db)) {
                continue;
            }
            if (p.required(dp + ".name", db.name())) {
                if (!Names.db2Database(db.name())) {
                    p.error(dp + ".name", ProblemCode.DB2_DATABASE_NAME_INVALID, Quote.of(db.name()) + " is not a DB2 database "
                            + "name: at most 8 letters and digits, starting with a letter.");
                } else {
                    // DB2 folds database names to upper case, and backup.databases names them across instances.
                    String earlier = seen.putIfAbsent(db.name().toUpperCase(java.util.Locale.ROOT), dp + ".name");
                    if (earlier != null) {
                        p.error(dp + ".name", ProblemCode.DB2_DATABASE_DUPLICATE,
                                "database " + Quote.of(db.name()) + " is already declared at " + earlier + ".");
                    }
                }
            }
            if (p.required(dp + ".path", db.path()) && Checks.path(p, dp + ".path", db.path())
                    && replicated.stream().noneMatch(m -> Names.isUnder(db.path(), m))) {
                p.error(dp + ".path", ProblemCode.DB2_DATABASE_PATH_NOT_REPLICATED, Quote.of(db.path()) + " is not on a replicated "
                        + "filesystem " + replicated + "; the database would stay behind on failover.");
            }
            if (db.codeset() != null && !Names.codeset(db.codeset())) {
                p.error(dp + ".codeset", ProblemCode.DB2_DATABASE_OPTION_INVALID, Quote.of(db.codeset())
                        + " is not a code set such as UTF-8.");
            }
            if (db.territory() != null && !Names.territory(db.territory())) {
                p.error(dp + ".territory", ProblemCode.DB2_DATABASE_OPTION_INVALID, Quote.of(db.territory())
                        + " is not a territory code such as US.");
            }
        }
    }
}
