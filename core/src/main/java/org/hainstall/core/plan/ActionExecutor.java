package org.hainstall.core.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * Runs a change's actions on the step's node, in order, stopping at the first failure. A cancel does not stop
 * it between actions: a change is carried out whole, and the run stops at the next step boundary.
 */
public final class ActionExecutor {
    private ActionExecutor() {
    }

    public static void execute(StepContext ctx, List<Action> actions) throws StepException {
        for (Action each : actions) {
            Action action = each;
            Shell shell;
            String where = "";
            if (each instanceof Action.On on) {
                action = on.action();
                shell = ctx.shell(on.node());
                where = "on " + on.node() + ": ";
            } else if (ctx.stepId().clusterWide()) {
                // A fault in the step's code, never in the node.
                throw new StepException(ctx.stepId(), ProblemCode.STEP_INTERNAL_ERROR, "a cluster-wide step's action"
                        + " must name its node (Action.on): " + each.describe(),
                        "a fault in hainstall, not in the node: report it with the run's log folder");
            } else {
                shell = ctx.shell();
            }
            try {
                if (action instanceof Action.Run run) {
                    CommandResult result = shell.run(run.command(), run.timeout(), ctx.output());
                    if (!result.ok()) {
                        throw new StepException(ctx.stepId(), ProblemCode.COMMAND_FAILED, where + "command failed with"
                                + " exit " + result.exitCode() + ": " + run.command().line() + lastLine(result.stderr()),
                                "fix what the command's error says on the node (the node's log in the run folder holds"
                                        + " its full output), then run again: the run redoes only what is missing");
                    }
                } else if (action instanceof Action.WriteFile file) {
                    shell.upload(file.content().getBytes(StandardCharsets.UTF_8), file.path(), file.mode());
                }
            } catch (RemoteException e) {
                throw StepException.remote(ctx.stepId(), where, e);
            }
        }
    }

    private static String lastLine(String stderr) {
        String trimmed = stderr == null ? "" : stderr.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        int nl = trimmed.lastIndexOf('\n');
        return " — " + (nl < 0 ? trimmed : trimmed.substring(nl + 1));
    }
}
