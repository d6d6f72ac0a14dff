package profcon.console;

import java.util.List;

/**
 * Runs commands without a prompt: from {@code -c}, a runbook file, or piped input. Stops at the
 * first failing command, naming where it was, so a runbook can gate a deploy.
 */
public final class ScriptRunner {
    /** One command and where it came from ("-c", "runbook.pfc:12", "stdin:3"). */
    public record Step(String where, String line) {
    }

    private final Dispatcher dispatcher;

    public ScriptRunner(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Runs the steps in order; returns the exit code. */
    public int run(Iterable<Step> steps, Session session) {
        try {
            for (Step step : steps) {
                if (!dispatcher.execute(step.line(), session)) {
                    session.err().println(Dispatcher.brief(step.where() + ": command failed: " + step.line().trim()));
                    session.err().flush();
                    return ExitCode.COMMAND_FAILED;
                }
                if (session.quitRequested()) {
                    break;
                }
            }
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.err().println("interrupted");
            return ExitCode.COMMAND_FAILED;
        } finally {
            session.out().flush();
        }
    }

    /** The commands of a {@code -c} argument, separated by {@code ;}. */
    public static List<Step> fromCommandString(String commands) {
        return java.util.Arrays.stream(commands.split(";")).map(s -> new Step("-c", s)).toList();
    }

    /** The lines of a runbook, numbered for error messages. */
    public static List<Step> fromLines(String source, List<String> lines) {
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            steps.add(new Step(source + ":" + (i + 1), lines.get(i)));
        }
        return steps;
    }
}
