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

/** The registry of report commands and their entry point, as pprof's interactive mode runs them. */
public final class Reports {
    private static final List<ReportSpec> SPECS = List.of(
            new ReportSpec("top", List.of("text"), "top [n] [-cum] [regexp]... [-regexp]... [name=value]...",
                    "Outputs top entries in text form", false),
            new ReportSpec("peek", List.of(), "peek regexp [name=value]...",
                    "Callers and callees of functions matching regexp", true),
            new ReportSpec("tree", List.of(), "tree [n] [regexp]... [name=value]...",
                    "Outputs a text rendering of call graph", false),
            new ReportSpec("traces", List.of(), "traces [regexp]... [name=value]...",
                    "Outputs all profile samples in text form", false),
            new ReportSpec("tags", List.of(), "tags [tag_regexp]... [-tag_regexp]...",
                    "Outputs all tags in the profile", false),
            new ReportSpec("list", List.of(), "list regexp [name=value]...",
                    "Output annotated source for functions matching regexp", true),
            new ReportSpec("comments", List.of(), "comments", "Output all profile comments", false),
            new ReportSpec("options", List.of("o"), "options", "List options and their current values", false));

    private static final Pattern TAIL_DIGITS = Pattern.compile("[0-9]+$");

    private Reports() {
    }

    /** Every report command, in help order. */
    public static List<ReportSpec> specs() {
        return SPECS;
    }

    /** The spec named (or aliased) {@code name}. */
    public static Optional<ReportSpec> spec(String name) {
        return SPECS.stream().filter(s -> s.name().equals(name) || s.aliases().contains(name)).findFirst();
    }

    /** pprof's split of abbreviated commands: {@code top10} is {@code top} with argument {@code 10}. */
    public static List<String> splitNumberSuffix(String word) {
        Matcher m = TAIL_DIGITS.matcher(word);
        if (spec(word).isEmpty() && m.find() && m.start() > 0 && spec(word.substring(0, m.start())).isPresent()) {
            return List.of(word.substring(0, m.start()), m.group());
        }
        return List.of(word);
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
        String arg = null;
        if (spec.needsRegex()) {
            if (rest.isEmpty()) {
                throw new ReportException("command " + spec.name() + " requires an argument");
            }
            arg = rest.remove(0);
        }
        Settings s = commandSettings(spec.name(), rest, settings);
        render(spec.name(), arg, profile, s, out, warnings);
    }

    /** The settings {@code top ARGS} runs with: ARGS as pprof's interactive top reads them, for this call only. */
    static Settings topSettings(List<String> args, Settings settings) throws ReportException {
        return commandSettings("top", new ArrayList<>(args), settings);
    }

    private static ReportException unknown(String name, List<String> args) {
        if (Settings.isSetting(name)) {
            return new ReportException("did you mean: " + name + "=" + (args.isEmpty() ? "<val>" : args.get(0)));
        }
        return new ReportException("unrecognized command: \"" + name + "\"");
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
        String report = spec(name).map(ReportSpec::name).orElseThrow(() -> unknown(name, List.of()));
        if (report.equals("options")) {
            settings.writeOptions(out, profile);
            return;
        }
        if (report.equals("comments")) {
            CommentsReport.write(profile, out);
            out.flush();
            return;
        }
        Pattern symbol = arg == null ? null : compileArgument(arg);
        ReportContext c = ReportContext.prepare(name.equals("text") ? "text" : report, profile, settings, symbol);
        for (String w : c.warnings) {
            warnings.print(w + "\n");
        }
        warnings.flush();
        switch (report) {
            case "top" -> TextReport.write(c, out);
            case "peek", "tree" -> TreeReport.write(c, out);
            case "traces" -> TracesReport.write(c, out);
            case "tags" -> TagsReport.write(c, out);
            case "list" -> ListReport.write(c, out);
            default -> throw new ReportException("unrecognized command: \"" + name + "\"");
        }
        out.flush();
    }

    private static Pattern compileArgument(String arg) throws ReportException {
        try {
            return Pattern.compile(arg);
        } catch (PatternSyntaxException e) {
            throw new ReportException("parsing argument regexp " + arg + ": " + e.getDescription());
        }
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
