package profcon.report;

import java.util.List;

/** One report command as the console lists it: name, aliases, usage line, one-line summary, whether it needs a regexp. */
public record ReportSpec(String name, List<String> aliases, String usage, String summary, boolean needsRegex) {
    public ReportSpec {
        aliases = List.copyOf(aliases);
    }
}
