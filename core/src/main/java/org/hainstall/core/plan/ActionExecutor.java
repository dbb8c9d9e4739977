package org.hainstall.core.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
                throw new StepException(ctx.stepId(), "a cluster-wide step's action must name its node "
                        + "(Action.on): " + each.describe());
            } else {
                shell = ctx.shell();
            }
            try {
                if (action instanceof Action.Run run) {
                    CommandResult result = shell.run(run.command(), run.timeout(), ctx.output());
                    if (!result.ok()) {
                        throw new StepException(ctx.stepId(), where + "command failed with exit " + result.exitCode()
                                + ": " + run.command().line() + lastLine(result.stderr()));
                    }
                } else if (action instanceof Action.WriteFile file) {
                    shell.upload(file.content().getBytes(StandardCharsets.UTF_8), file.path(), file.mode());
                }
            } catch (RemoteException e) {
                throw new StepException(ctx.stepId(), where + e.getMessage(), e);
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
