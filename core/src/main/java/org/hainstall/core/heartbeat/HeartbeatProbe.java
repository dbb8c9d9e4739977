package org.hainstall.core.heartbeat;

import java.util.List;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Part;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.remote.Command;

/** Heartbeat's part of a look at a node: its files (authkeys as a digest only, resource-agents' shellfuncs for hainstall's block) and its service. */
public final class HeartbeatProbe {
    public static final Fact HA_CF = Fact.file(Part.HEARTBEAT, HeartbeatFiles.HA_CF);
    public static final Fact AUTHKEYS = Fact.digest(Part.HEARTBEAT, HeartbeatFiles.AUTHKEYS);
    public static final Fact HARESOURCES = Fact.file(Part.HEARTBEAT, HeartbeatFiles.HARESOURCES);
    public static final Fact SHELLFUNCS = Fact.file(Part.HEARTBEAT, HeartbeatFiles.SHELLFUNCS);
    public static final Fact ACTIVE = OsProbe.HEARTBEAT_ACTIVE;
    public static final Fact ENABLED = OsProbe.enabled(Part.HEARTBEAT, "heartbeat");

    /** What reconstruct reads of Heartbeat: ha.cf and haresources (the auth key only with --with-secrets). */
    public static final List<Fact> RECONSTRUCT = List.of(
            Fact.of(Part.HEARTBEAT, "hacf", Command.of("cat", HeartbeatFiles.HA_CF)),
            Fact.of(Part.HEARTBEAT, "haresources", Command.of("cat", HeartbeatFiles.HARESOURCES)));
    /** The auth key, for reconstruct --with-secrets only: never logged, never in a facts file. */
    public static final Fact AUTHKEYS_SECRET = Fact.of(Part.HEARTBEAT, "authkeys",
            Command.of("cat", HeartbeatFiles.AUTHKEYS));

    private HeartbeatProbe() {
    }

    public static List<Fact> files() {
        return List.of(HA_CF, AUTHKEYS, HARESOURCES, SHELLFUNCS);
    }
}
