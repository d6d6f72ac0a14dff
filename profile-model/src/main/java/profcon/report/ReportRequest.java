package profcon.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import profcon.model.Profile;

/**
 * One call of a report: the report, its regexp argument (peek, list; null for the others), the
 * profile, the settings for this call only, and where filter warnings go.
 */
public record ReportRequest(ReportSpec spec, String arg, Profile profile, Settings settings, PrintWriter warnings) {
    /**
     * The request for {@code args} as pprof's interactive mode reads them: the regexp first when the
     * report takes one, then numbers, {@code -cum}, {@code name=value} and filter regexps (see
     * {@link Reports#commandSettings}).
     */
    public static ReportRequest of(ReportSpec spec, List<String> args, Profile profile, Settings settings,
                                   PrintWriter warnings) throws ReportException {
        List<String> rest = new ArrayList<>(args);
        String arg = null;
        if (spec.needsRegex()) {
            if (rest.isEmpty()) {
                throw new ReportException("command " + spec.name() + " requires an argument");
            }
            arg = rest.remove(0);
        }
        return new ReportRequest(spec, arg, profile, Reports.commandSettings(spec.name(), rest, settings), warnings);
    }

    /** The prepared inputs of a text report; filter warnings are printed first, as pprof does. */
    ReportContext context() throws ReportException {
        ReportContext c = ReportContext.prepare(spec.name(), profile, settings, arg == null ? null : argument());
        for (String w : c.warnings) {
            warnings.print(w + "\n");
        }
        warnings.flush();
        return c;
    }

    private Pattern argument() throws ReportException {
        try {
            return Pattern.compile(arg);
        } catch (PatternSyntaxException e) {
            throw new ReportException("parsing argument regexp " + arg + ": " + e.getDescription());
        }
    }
}
