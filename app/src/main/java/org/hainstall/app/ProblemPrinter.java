package org.hainstall.app;

import java.io.PrintWriter;
import java.util.List;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.Quote;
import org.hainstall.core.config.Severity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints config problems for a person (one line each, then a summary) or as JSON for scripts. */
final class ProblemPrinter {
    private final JsonMapper mapper = JsonMapper.builder().build();

    void print(PrintWriter out, String fileName, boolean readable, List<Problem> problems, boolean json) {
        // Problems quote the config's values safely at their source (Quote); the file name comes from argv.
        String file = json ? fileName : Quote.escape(fileName);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (json) {
            ObjectNode root = mapper.createObjectNode();
            root.put("file", file);
            root.put("readable", readable);
            root.put("valid", readable && errors == 0);
            root.put("errors", errors);
            root.put("warnings", warnings);
            ArrayNode list = root.putArray("problems");
            for (Problem p : problems) {
                ObjectNode item = list.addObject();
                item.put("path", p.path());
                item.put("severity", p.severity().name());
                item.put("code", p.code().name());
                item.put("message", p.message());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            for (Problem p : problems) {
                out.println((p.severity() == Severity.ERROR ? "error  " : "warning") + " "
                        + (p.path().isEmpty() ? file : p.path()) + " [" + p.code() + "]: " + p.message());
            }
            if (!readable) {
                out.println(file + ": cannot be used (" + count(errors, "problem") + " reading it); nothing was checked further.");
            } else if (errors == 0) {
                out.println(file + ": valid" + (warnings == 0 ? "." : ", with " + count(warnings, "warning") + "."));
            } else {
                out.println(file + ": " + count(errors, "error") + (warnings == 0 ? "" : ", " + count(warnings, "warning")) + ".");
            }
        }
        out.flush();
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
