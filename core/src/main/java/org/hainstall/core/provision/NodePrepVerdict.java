package org.hainstall.core.provision;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides, from what a node shows while its call back is awaited, whether it can still call back: the rule that lets
 * {@code create} give up within about a minute, naming the node's own reason, instead of waiting the whole timeout.
 * Pure: the observations are read elsewhere ({@link NodePrepWatch}).
 */
final class NodePrepVerdict {
    /** node-prep prepared the node (its pinned key answers) but no call back came: it cannot reach the installer. */
    static final Duration QUIET_AFTER_SSH = Duration.ofSeconds(75);
    /** Failed attempts (5 s apart) after which the installer is taken as unreachable from the node. */
    static final int FAILED_ATTEMPTS = 6;
    private static final Pattern GIVES_UP = Pattern.compile(
            "cannot call back|gave up calling back|call back rejected|node\\.env lacks|usage: sh node-prep");
    private static final Pattern ATTEMPT_FAILED = Pattern.compile("call back to \\S+ failed \\(attempt \\d+\\)");
    private static final int SHOWN_LINES = 4;

    private NodePrepVerdict() {
    }

    /**
     * @param signs          what the hypervisor shows (NONE for a physical machine)
     * @param nodePrepLog    node-prep's log read over SSH with the pinned key, or null when SSH is not there yet
     * @param pinnedSshSince how long the node has answered SSH with its pinned key (null: not yet)
     * @return the reason the node will not call back, or empty to keep waiting
     */
    static Optional<String> reasonToStop(MachineSigns signs, String nodePrepLog, Duration pinnedSshSince) {
        if (signs.stoppedState() != null) {
            return Optional.of("its VM is " + signs.stoppedState() + " (it stopped before calling back)"
                    + tail(" its console's last node-prep lines: ", signs.nodePrepConsole()));
        }
        List<String> lines = nodePrepLog != null ? nodePrepLog.lines().toList() : signs.nodePrepConsole();
        List<String> fatal = lines.stream().filter(l -> GIVES_UP.matcher(l).find()).toList();
        String where = nodePrepLog != null ? "its /var/log/hainstall-node-prep.log" : "its console";
        if (!fatal.isEmpty()) {
            return Optional.of(where + " says: " + String.join(" | ", last(fatal)));
        }
        List<String> attempts = lines.stream().filter(l -> ATTEMPT_FAILED.matcher(l).find()).toList();
        if (attempts.size() >= FAILED_ATTEMPTS) {
            return Optional.of("it cannot reach this workstation's call-back address (" + attempts.size()
                    + " attempts failed); " + where + " ends: " + String.join(" | ", last(lines)));
        }
        if (pinnedSshSince != null && pinnedSshSince.compareTo(QUIET_AFTER_SSH) >= 0) {
            return Optional.of("it answers over SSH with its pinned host key but has not called back in "
                    + pinnedSshSince.toSeconds() + " s"
                    + (nodePrepLog == null || nodePrepLog.isBlank() ? "; node-prep left no log"
                    : "; its /var/log/hainstall-node-prep.log ends: " + String.join(" | ", last(lines))));
        }
        return Optional.empty();
    }

    private static String tail(String prefix, List<String> lines) {
        return lines.isEmpty() ? "" : ";" + prefix + String.join(" | ", last(lines));
    }

    private static List<String> last(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size()).stream()
                .map(l -> l.replaceFirst("^\\S+Z node-prep: ", "").replaceFirst("^node-prep: ", "").strip())
                .toList();
    }
}
