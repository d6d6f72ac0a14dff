package profcon.leakcheck;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import profcon.threads.DumpedThread;
import profcon.threads.GroupedThreadsReport;
import profcon.threads.StackGroup;

/** The failure text: what leaked, then the leaked threads grouped by stack exactly as {@code goroutines} prints them. */
final class LeakReport {
    private LeakReport() {
    }

    static String render(String what, List<DumpedThread> leaked, LeakOptions options) {
        List<StackGroup> groups = StackGroup.of(leaked);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf(Locale.ROOT, "%s leaked %,d thread%s (%,d distinct stack%s), still alive %,d ms after it ended%n",
                what, leaked.size(), leaked.size() == 1 ? "" : "s", groups.size(), groups.size() == 1 ? "" : "s",
                options.linger().toMillis());
        if (!options.rules().isEmpty()) {
            out.print("Ignored: ");
            out.println(String.join("; ", options.rules().stream().map(IgnoreRule::description).toList()));
        }
        for (StackGroup g : groups) {
            out.println();
            GroupedThreadsReport.group(g, options.frames(), out);
        }
        out.flush();
        return text.toString().stripTrailing();
    }
}
