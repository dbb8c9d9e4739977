package org.hainstall.core.os;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code getent passwd} and {@code getent group}: users and groups with their ids. */
public record Accounts(Map<String, User> users, Map<String, Group> groups) {

    public record User(String name, int uid, int gid, String home, String shell) { }

    public record Group(String name, int gid) { }

    public Accounts {
        users = Map.copyOf(users);
        groups = Map.copyOf(groups);
    }

    public static Accounts parse(String passwd, String group) {
        Map<String, User> users = new LinkedHashMap<>();
        for (String line : passwd.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 7) {
                users.put(f[0], new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5], f[6]));
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String line : group.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3) {
                groups.put(f[0], new Group(f[0], Integer.parseInt(f[2])));
            }
        }
        return new Accounts(users, groups);
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public boolean uidTaken(int uid) {
        return users.values().stream().anyMatch(u -> u.uid() == uid);
    }

    public boolean gidTaken(int gid) {
        return groups.values().stream().anyMatch(g -> g.gid() == gid);
    }
}
