package profcon.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import profcon.model.Profile;
import profcon.model.ValueType;

/**
 * The table of reports (each declared once, as a {@link ReportSpec}) and their entry points, as
 * pprof's interactive mode runs them.
 */
public final class Reports {
    private static final List<ReportSpec> SPECS = List.of(
            new ReportSpec("top", List.of("text"), "top [n] [-cum] [regexp]... [-regexp]... [name=value]...",
                    "Outputs top entries in text form",
                    List.of("top10", "top -cum 20", "top10 focus=Cache tagignore=kind=sleep", "top --json"), false,
                    (r, out) -> TextReport.write(r.context(), out), JsonReports::top),
            new ReportSpec("peek", List.of(), "peek regexp [name=value]...",
                    "Callers and callees of functions matching regexp",
                    List.of("peek Metrics.record", "peek 'Cache\\.(get|put)'"), true,
                    (r, out) -> TreeReport.write(r.context(), out), JsonReports::graph),
            new ReportSpec("tree", List.of(), "tree [n] [regexp]... [name=value]...",
                    "Outputs a text rendering of call graph", List.of("tree 15", "tree focus=Producer"), false,
                    (r, out) -> TreeReport.write(r.context(), out), JsonReports::graph),
            new ReportSpec("traces", List.of(), "traces [regexp]... [name=value]...",
                    "Outputs all profile samples in text form", List.of("traces", "traces hotLoop", "traces --json"),
                    false, (r, out) -> TracesReport.write(r.context(), out), JsonReports::traces),
            new ReportSpec("tags", List.of(), "tags [tag_regexp]... [-tag_regexp]...",
                    "Outputs all tags in the profile", List.of("tags", "tags tagshow=lockclass", "tags --json"), false,
                    (r, out) -> TagsReport.write(r.context(), out), JsonReports::tags),
            new ReportSpec("list", List.of(), "list regexp [name=value]...",
                    "Output annotated source for functions matching regexp",
                    List.of("list Cache.get", "list Metrics.record source_path=src/main/java"), true,
                    (r, out) -> ListReport.write(r.context(), out), JsonReports::lines),
            new ReportSpec("comments", List.of(), "comments", "Output all profile comments", List.of("comments"),
                    false, (r, out) -> CommentsReport.write(r.profile(), out), JsonReports::comments),
            new ReportSpec("options", List.of("o"), "options", "List options and their current values",
                    List.of("options", "nodecount=20"), false,
                    (r, out) -> r.settings().writeOptions(out, r.profile()), JsonReports::options));

    private static final Pattern TAIL_DIGITS = Pattern.compile("^([a-z_]+?)(\\d+)$");

    private Reports() {
    }

    /** Every report, in help order. */
    public static List<ReportSpec> specs() {
        return SPECS;
    }

    /** The spec named (or aliased) {@code name}. */
    public static Optional<ReportSpec> spec(String name) {
        return SPECS.stream().filter(s -> s.answersTo(name)).findFirst();
    }

    /**
     * pprof's abbreviation, split in this one place: {@code top10} is {@code top} with argument
     * {@code 10}. Returns the name and the number, or just {@code word} when it does not end in digits.
     */
    public static List<String> splitTailDigits(String word) {
        Matcher m = TAIL_DIGITS.matcher(word);
        return m.matches() ? List.of(m.group(1), m.group(2)) : List.of(word);
    }

    /** {@link #splitTailDigits}, for report names only: {@code top10} splits, {@code peek} and {@code foo10} do not. */
    public static List<String> splitNumberSuffix(String word) {
        List<String> split = splitTailDigits(word);
        return spec(word).isEmpty() && spec(split.get(0)).isPresent() ? split : List.of(word);
    }

    /** Runs a command; filter warnings go to {@code out} too, before the report. */
    public static void run(String name, List<String> args, Profile profile, Settings settings, PrintWriter out)
            throws ReportException {
        run(name, args, profile, settings, out, out);
    }

    /**
     * Runs one report command as pprof's interactive mode does. {@code args} follow the command word:
     * a number sets nodecount, {@code -cum} sorts by cum, {@code name=value} sets a variable for this
     * call only, {@code -re} adds an ignore regexp and other words a focus regexp (tag filters for
     * {@code tags}); {@code peek} and {@code list} take their regexp first.
     */
    public static void run(String name, List<String> args, Profile profile, Settings settings, PrintWriter out,
                           PrintWriter warnings) throws ReportException {
        List<String> split = splitNumberSuffix(name);
        List<String> rest = new ArrayList<>(split.subList(1, split.size()));
        rest.addAll(args);
        ReportSpec spec = spec(split.get(0)).orElseThrow(() -> unknown(split.get(0), rest));
        write(spec.text(), ReportRequest.of(spec, rest, profile, settings, warnings), out);
    }

    /** Runs report {@code spec} with {@code args} (as the console takes them) as text. */
    public static void run(ReportSpec spec, List<String> args, Profile profile, Settings settings, PrintWriter out,
                           PrintWriter warnings) throws ReportException {
        write(spec.text(), ReportRequest.of(spec, args, profile, settings, warnings), out);
    }

    /** Runs report {@code spec} with {@code args} as one JSON object; filter warnings are not printed. */
    public static void json(ReportSpec spec, List<String> args, Profile profile, Settings settings, PrintWriter out)
            throws ReportException {
        PrintWriter discard = new PrintWriter(java.io.Writer.nullWriter());
        write(spec.json(), ReportRequest.of(spec, args, profile, settings, discard), out);
    }

    private static void write(ReportSpec.Renderer renderer, ReportRequest request, PrintWriter out)
            throws ReportException {
        renderer.render(request, out);
        out.flush();
    }

    /** The settings {@code top ARGS} runs with: ARGS as pprof's interactive top reads them, for this call only. */
    static Settings topSettings(List<String> args, Settings settings) throws ReportException {
        return commandSettings("top", new ArrayList<>(args), settings);
    }

    /**
     * The settings for one run of command {@code name}: {@code args} as {@link #run} reads them
     * (numbers, {@code -cum}, {@code name=value}, focus and {@code -ignore} regexps) over {@code settings}.
     */
    public static Settings commandSettings(String name, List<String> args, Settings settings) throws ReportException {
        Settings s = settings;
        String focus = "", ignore = "";
        for (String t : args) {
            int eq = t.indexOf('=');
            if (t.matches("[+-]?[0-9]+")) {
                s = s.set("nodecount", t);
            } else if (t.equals("-cum") || t.equals("--cum")) {
                s = s.set("sort", "cum");
            } else if (eq > 0 && Settings.isSetting(t.substring(0, eq))) {
                s = s.set(t.substring(0, eq), t.substring(eq + 1));
            } else if (t.startsWith("-")) {
                ignore = catRegex(ignore, t.substring(1));
            } else {
                focus = catRegex(focus, t);
            }
        }
        String prefix = name.equals("tags") ? "tag" : "";
        if (!focus.isEmpty()) {
            s = s.set(prefix + "focus", catRegex(s.get(prefix + "focus"), focus));
        }
        if (!ignore.isEmpty()) {
            s = s.set(prefix + "ignore", catRegex(s.get(prefix + "ignore"), ignore));
        }
        if (s.intValue("nodecount") == -1 && name.equals("top")) {
            s = s.set("nodecount", "10");
        }
        return s;
    }

    private static String catRegex(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() ? a + "|" + b : a + b;
    }

    /**
     * Renders report {@code name} (a spec name or alias) as pprof's non-interactive driver does, with
     * {@code arg} the regexp of peek/list. Warnings (filters that matched nothing) go to {@code warnings}.
     */
    public static void render(String name, String arg, Profile profile, Settings settings, PrintWriter out,
                              PrintWriter warnings) throws ReportException {
        ReportSpec spec = spec(name).orElseThrow(() -> unknown(name, List.of()));
        write(spec.text(), new ReportRequest(spec, arg, profile, settings, warnings), out);
    }

    static ReportException unknown(String name, List<String> args) {
        if (Settings.isSetting(name)) {
            return new ReportException("did you mean: " + name + "=" + (args.isEmpty() ? "<val>" : args.get(0)));
        }
        return new ReportException("unrecognized command: \"" + name + "\"");
    }

    /** Compiles a filter regexp; errors read as pprof's "parsing focus regexp: ...". */
    static Pattern compileRegex(String name, String value) throws ReportException {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new ReportException("parsing " + name + " regexp: " + e.getDescription()
                    + " in `" + value + "`");
        }
    }

    /**
     * pprof's sample-type shortcuts: {@code alloc_space} selects that sample index, {@code mean_X} and
     * {@code total_X} also set mean. Returns the new settings, or empty when {@code word} is no such name.
     */
    public static Optional<Settings> sampleTypeShortcut(Profile profile, String word, Settings settings)
            throws ReportException {
        for (ValueType t : profile.sampleTypes()) {
            if (word.equals(t.type())) {
                return Optional.of(settings.set("sample_index", t.type()));
            } else if (word.equals("total_" + t.type())) {
                return Optional.of(settings.set("mean", "false").set("sample_index", t.type()));
            } else if (word.equals("mean_" + t.type())) {
                return Optional.of(settings.set("mean", "true").set("sample_index", t.type()));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code word} names a sample type of the profile (or its mean_/total_ form). */
    public static boolean isSampleType(Profile profile, String word) {
        return profile.sampleTypes().stream().anyMatch(t -> word.equals(t.type())
                || word.equals("total_" + t.type()) || word.equals("mean_" + t.type()));
    }

    /** Checks a sample_index value against the profile and returns the type name pprof stores. */
    public static String sampleIndexName(Profile profile, String value) throws ReportException {
        return profile.sampleTypes().get(ProfileOps.sampleIndex(profile, value)).type();
    }
}
