package org.hainstall.core.drbd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.Part;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.storage.Signatures;
import org.hainstall.core.storage.StorageProbe;

/**
 * DRBD's part of a look at a node: {@code /proc/drbd}, the resource files (as digests: they hold the shared
 * secret), each backing volume's signatures and generation identifiers, the DRBD devices and their mount points.
 */
public final class DrbdProbe {
    /** /proc/drbd as a file: missing while the module is not loaded. */
    public static final Fact PROC_DRBD = Fact.file(Part.DRBD, "/proc/drbd");
    public static final Fact GLOBAL_COMMON = Fact.file(Part.DRBD, DrbdFiles.GLOBAL_COMMON);
    public static final Fact MODULES_LOAD = Fact.file(Part.DRBD, DrbdConfigStep.MODULES_LOAD);
    public static final Fact ENABLED = OsProbe.enabled(Part.DRBD, "drbd");

    /** drbdadm's view of every resource (its shared secret never leaves reconstruct unmasked), and the roles now. */
    public static final Fact DUMP = Fact.of(Part.DRBD, "drbd-dump", Command.of("drbdadm", "dump", "all"));
    /** The roles now, as text: which node reconstruct reads is told from it. */
    public static final Fact ROLES = Fact.of(Part.DRBD, "proc-drbd", Command.of("cat", "/proc/drbd"));
    public static final List<Fact> RECONSTRUCT = List.of(DUMP, ROLES);

    private DrbdProbe() {
    }

    /** A resource file: its mode and digest only. */
    public static Fact resourceFile(ClusterConfig.DrbdResource r) {
        return Fact.digest(Part.DRBD, DrbdFiles.path(r));
    }

    public static Fact generationIds(ClusterConfig.DrbdResource r) {
        return Fact.of(Part.DRBD, "get-gi " + r.name(), Command.of("drbdadm", "get-gi", r.name()));
    }

    public static Fact mountPoint(ClusterConfig.DrbdResource r) {
        return Fact.directory(Part.DRBD, r.filesystem().mountPoint());
    }

    /** What {@link #backing} reads. */
    public static List<Fact> backingFacts(ClusterConfig.DrbdResource r) {
        List<Fact> out = new ArrayList<>(StorageProbe.volumeFacts(DrbdFiles.backingDevice(r)));
        out.add(generationIds(r));
        return out;
    }

    /** What the metadata steps read: /proc/drbd and every resource's backing volume. */
    public static List<Fact> metadataFacts(ClusterConfig config) {
        List<Fact> out = new ArrayList<>(List.of(PROC_DRBD));
        config.replication().resources().forEach(r -> out.addAll(backingFacts(r)));
        return out;
    }

    /** Every resource's backing volume, by resource name. */
    public static Map<String, DrbdMetadataStep.Backing> backings(Look node, ClusterConfig config)
            throws StepException {
        Map<String, DrbdMetadataStep.Backing> out = new LinkedHashMap<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            out.put(r.name(), backing(node, r));
        }
        return out;
    }

    /** /proc/drbd, or null when the module is not loaded. */
    public static ProcDrbd procDrbd(Look node) throws StepException {
        String text = node.file(PROC_DRBD).content();
        return text == null ? null : ProcDrbd.parse(text);
    }

    /** A backing volume: its signatures (null when missing) and, when it carries DRBD metadata, get-gi's view. */
    public static DrbdMetadataStep.Backing backing(Look node, ClusterConfig.DrbdResource r) throws StepException {
        Signatures sigs = StorageProbe.volume(node, DrbdFiles.backingDevice(r));
        if (sigs == null) {
            return new DrbdMetadataStep.Backing(null, null);
        }
        GenerationIds gi = null;
        if (sigs.types().contains("drbd")) {
            CommandResult g = node.result(generationIds(r));
            gi = g.ok() ? GenerationIds.parse(g.stdout()) : null;
        }
        return new DrbdMetadataStep.Backing(sigs, gi);
    }
}
