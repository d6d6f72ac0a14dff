package profcon.report;

import java.util.List;

/**
 * One report kind, declared once: its name and aliases, usage line, one-line summary and examples
 * (for help and completion), whether its first argument is a regexp, and how it renders as text
 * and as JSON. {@link Reports#specs()} is the table of them; the console builds its report
 * commands from that table, so a report added there is in help, completion, dispatch and
 * {@code --json} at once.
 */
public record ReportSpec(String name, List<String> aliases, String usage, String summary, List<String> examples,
                         boolean needsRegex, Renderer text, Renderer json) {
    public ReportSpec {
        aliases = List.copyOf(aliases);
        examples = List.copyOf(examples);
    }

    /** True for the report's name and each of its aliases. */
    public boolean answersTo(String word) {
        return name.equals(word) || aliases.contains(word);
    }

    /** Writes one report for a request; a failure the user can fix is a {@link ReportException}. */
    @FunctionalInterface
    public interface Renderer {
        void render(ReportRequest request, java.io.PrintWriter out) throws ReportException;
    }
}
