package org.hainstall.core.db2;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FactStep;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.RemoteException;

/**
 * DB2 from the configured install image (a .tar.gz on this workstation that unpacks to server_dec/), installed
 * silently only where INSTALL_PATH/bin/db2level is missing. The image is copied to the node first.
 */
public final class Db2InstallStep extends FactStep<Db2InstallStep.Facts> {
    static final String WORK = "/var/tmp/hainstall-db2";
    static final String IMAGE = WORK + "/image.tar.gz";

    /** @param installed db2level exists; @param imageOnWorkstation the configured image is a readable file here */
    public record Facts(boolean installed, boolean imageOnWorkstation) { }

    private final ClusterConfig config;

    public Db2InstallStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DB2_INSTALL, node, "DB2 software", Set.of(StepNames.PACKAGES), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        return List.of(Db2Probe.installed(config));
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DB2);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        String image = config.db2().installImage();
        return new Facts(node.result(Db2Probe.installed(config)).ok(),
                image != null && Files.isReadable(Path.of(image)));
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        String path = config.db2().installPath();
        if (facts.installed()) {
            return Check.satisfied("DB2 installed in " + path);
        }
        if (!facts.imageOnWorkstation()) {
            throw new StepException(org.hainstall.core.plan.StepId.onNode(StepNames.DB2_INSTALL, node),
                    ProblemCode.DB2_IMAGE_UNREADABLE, "on " + node + ": DB2 is not installed in " + path + " and the"
                            + " install image " + config.db2().installImage() + " (db2.installImage) is not a"
                            + " readable file on this workstation", "put the DB2 server image (a .tar.gz) there, or"
                            + " set db2.installImage to where it is, then run again");
        }
        return Check.change("copy " + config.db2().installImage() + " to " + IMAGE + ", install DB2 silently in "
                + path, List.of(
                new Action.Run(Command.of("mkdir", "-p", "-m", "0700", WORK)),
                new Action.Run(Command.of("tar", "-xzf", IMAGE, "-C", WORK), Duration.ofMinutes(20)),
                new Action.Run(Command.of(WORK + "/server_dec/db2_install", "-b", path, "-p", "SERVER", "-y", "-n"),
                        Duration.ofMinutes(60)),
                new Action.Run(Command.of("rm", "-rf", WORK))));
    }

    /** The copy sits between the first action (the work folder) and the unpacking. */
    @Override
    public void apply(StepContext ctx, Check.Change planned) throws StepException {
        Check now = checkFresh(ctx);
        if (now instanceof Check.Satisfied) {
            return;
        }
        List<Action> actions = ((Check.Change) now).actions();
        act(ctx, actions.subList(0, 1));
        try {
            ctx.shell().upload(Path.of(config.db2().installImage()), IMAGE, 0600);
        } catch (RemoteException e) {
            throw StepException.remote(id(), "on " + id().node() + ": copying the DB2 image failed: ", e);
        }
        ctx.checkCancelled();
        act(ctx, actions.subList(1, actions.size()));
    }
}
