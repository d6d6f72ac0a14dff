package profcon.console.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import profcon.console.CommandException;
import profcon.explain.Explanation;
import profcon.explain.Finding;

/** {@code expect finding=ID [CULPRIT_REGEX]}: a runbook asserts the last explain's diagnosis. */
final class ExpectFinding {
    static final String PREFIX = "finding=";

    private ExpectFinding() {
    }

    static void check(Explanation last, List<String> args) throws CommandException {
        if (args.size() > 2) {
            throw new CommandException("usage: expect finding=ID [CULPRIT_REGEX]");
        }
        if (last == null) {
            throw new CommandException("expect finding=: no explain has run in this session; run 'explain' first");
        }
        String id = args.get(0).substring(PREFIX.length());
        Optional<Finding> f = last.finding(id);
        if (f.isEmpty()) {
            throw new CommandException("expectation failed: explain found no " + id + " (it found: "
                    + (last.findings().isEmpty() ? "nothing" : String.join(", ",
                    last.findings().stream().map(Finding::id).toList())) + ")");
        }
        if (args.size() == 2) {
            Pattern culprit = ExpectCommand.regex(args.get(1));
            String shown = f.get().culprit() + " (" + f.get().location() + ")";
            if (!culprit.matcher(shown).find()) {
                throw new CommandException("expectation failed: the " + id + " finding's culprit " + shown
                        + " does not match /" + culprit + "/");
            }
        }
    }
}
