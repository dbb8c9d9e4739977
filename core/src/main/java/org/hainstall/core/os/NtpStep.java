package org.hainstall.core.os;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FactStep;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.Part;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;

/**
 * chrony with the config's servers, and the timezone. Servers that do not answer are a warning naming them
 * (FAULT 27): a cluster without reachable time servers still works, its clocks just drift together.
 *
 * <p>The timezone is read and set as files, the way timedatectl itself sets it (the /etc/localtime link into
 * /usr/share/zoneinfo) plus Debian's /etc/timezone: timedatectl needs D-Bus, which a minimal image lacks (FAULT 41).
 */
public final class NtpStep extends FactStep<NtpStep.Facts> {
    public static final String CHRONY_CONF = "/etc/chrony/chrony.conf";
    static final String ZONEINFO = "/usr/share/zoneinfo/";

    /**
     * @param timezone the zone /etc/localtime links to (null when it is no link into the zoneinfo folder)
     * @param timezoneFile /etc/timezone's zone (null when missing)
     * @param sources chronyc's view, null when chronyd does not answer
     */
    public record Facts(String chronyConf, String timezone, String timezoneFile, boolean active, boolean enabled,
                        ChronySources sources) { }

    private final ClusterConfig config;

    public NtpStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.NTP, node, "Time (chrony, timezone)", Set.of(StepNames.PACKAGES), snapshots);
        this.config = config;
    }

    public static String chronyConf(ClusterConfig config) {
        StringBuilder s = new StringBuilder("# Written by hainstall; changes here are overwritten.\n");
        for (String server : config.time().ntpServers()) {
            s.append("server ").append(server).append(" iburst\n");
        }
        s.append("driftfile /var/lib/chrony/chrony.drift\n");
        s.append("# step the clock at start-up when it is more than a second off, instead of slewing for hours\n");
        s.append("makestep 1 3\n");
        s.append("rtcsync\n");
        s.append("logdir /var/log/chrony\n");
        return s.toString();
    }

    @Override
    public List<Fact> facts() {
        return List.of(OsProbe.CHRONY_CONF, OsProbe.TIMEZONE, OsProbe.TIMEZONE_FILE, OsProbe.CHRONY_ACTIVE,
                OsProbe.CHRONY_ENABLED, OsProbe.CHRONY_SOURCES);
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.OS);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        String conf = node.file(OsProbe.CHRONY_CONF).content();
        String tz = zoneOfLink(node.result(OsProbe.TIMEZONE).stdout());
        String tzFile = node.file(OsProbe.TIMEZONE_FILE).content();
        CommandResult src = node.result(OsProbe.CHRONY_SOURCES);
        return new Facts(conf, tz, tzFile == null ? null : tzFile.strip(), OsProbe.isActive(node, OsProbe.CHRONY_ACTIVE),
                OsProbe.isEnabled(node, OsProbe.CHRONY_ENABLED), src.ok() ? ChronySources.parse(src.stdout()) : null);
    }

    /** "Europe/Berlin" of "/usr/share/zoneinfo/Europe/Berlin" or "../usr/share/zoneinfo/Europe/Berlin". */
    public static String zoneOfLink(String target) {
        String t = target.strip();
        int at = t.indexOf("zoneinfo/");
        return at < 0 ? null : t.substring(at + "zoneinfo/".length());
    }

    /** As timedatectl sets it, atomically (a new link renamed over the old), refusing a zone the node lacks. */
    static Command setTimezone(String zone) {
        return Command.of("sh", "-c", "test -f \"" + ZONEINFO + "$1\" || { echo \"$1 is not in " + ZONEINFO
                + " on this node (is tzdata installed?)\" >&2; exit 1; }; ln -sfn \"" + ZONEINFO
                + "$1\" /etc/.localtime.hainstall && mv -fT /etc/.localtime.hainstall /etc/localtime"
                + " && printf '%s\\n' \"$1\" > /etc/timezone", "sh", zone);
    }

    @Override
    protected Check decide(Facts facts) {
        return decide(config, facts);
    }

    public static Check decide(ClusterConfig config, Facts facts) {
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        String conf = chronyConf(config);
        boolean confChanged = !conf.equals(facts.chronyConf());
        if (confChanged) {
            actions.add(new Action.WriteFile(CHRONY_CONF, conf, 0644, false));
            what.add("chrony.conf with " + String.join(", ", config.time().ntpServers()));
        }
        String tz = config.time().timezone();
        if (tz != null && (!tz.equals(facts.timezone()) || !tz.equals(facts.timezoneFile()))) {
            actions.add(new Action.Run(setTimezone(tz)));
            what.add("timezone " + tz);
        }
        if (!facts.enabled() || !facts.active()) {
            actions.add(new Action.Run(Command.of("systemctl", "enable", "--now", "chrony")));
            what.add("start chrony");
        }
        if (confChanged && facts.active()) {
            actions.add(new Action.Run(Command.of("systemctl", "restart", "chrony")));
        }
        if (!actions.isEmpty()) {
            return Check.change(String.join(", ", what), actions);
        }
        String warning = syncWarning(config, facts.sources());
        return Check.satisfied("chrony configured" + (warning.isEmpty() ? ", in sync" : "; warning: " + warning));
    }

    /** Empty when in sync; otherwise a warning naming the servers that never answered. */
    public static String syncWarning(ClusterConfig config, ChronySources sources) {
        if (sources == null) {
            return "chronyd does not answer";
        }
        List<String> unreachable = sources.unreachable(config.time().ntpServers());
        if (!unreachable.isEmpty()) {
            return "NTP servers unreachable: " + String.join(", ", unreachable);
        }
        return sources.synced() ? "" : "not yet synchronised";
    }

    /** After a change chrony needs a moment; the warning is reported as output, never as a failure. */
    @Override
    public void verify(StepContext ctx) throws StepException {
        Check again = check(ctx);
        if (again instanceof Check.Change c) {
            throw Step.notEffective(id(), c);
        }
        String summary = ((Check.Satisfied) again).summary();
        if (summary.contains("warning")) {
            ctx.output().line(OutputListener.Stream.STDERR, "on " + id().node() + ": " + summary);
        }
    }
}
