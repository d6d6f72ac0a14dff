package profcon.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code go tool pprof} command-line flags (e.g. {@code -nodecount=20 -text -functions
 * -focus=foo}) into a report name, its argument and {@link Settings}.
 */
public final class PprofFlags {
    /** The outcome: which report, its regexp (peek, list) or null, settings and load-time options. */
    public record Parsed(String report, String reportArg, Settings settings, boolean allFrames,
                         List<String> addComments, List<String> inputs) {
    }

    private static final List<String> REPORTS_WITH_ARG = List.of("peek", "list", "disasm", "weblist");
    private static final List<String> REPORTS = List.of("text", "top", "tree", "traces", "tags", "comments",
            "dot", "callgrind", "raw", "proto", "topproto", "svg", "png", "pdf", "web", "kcachegrind");
    private static final Map<String, String> SAMPLE_FLAGS = Map.of(
            "inuse_space", "inuse_space", "inuse_objects", "inuse_objects", "alloc_space", "alloc_space",
            "alloc_objects", "alloc_objects", "total_delay", "delay", "mean_delay", "delay",
            "contentions", "contentions");
    private static final List<String> IGNORED = List.of("symbolize", "http", "tools", "timeout", "seconds",
            "no_browser", "flagfile");

    private PprofFlags() {
    }

    /** Parses whitespace-separated flags and input names. */
    public static Parsed parse(String commandLine) throws ReportException {
        String trimmed = commandLine.trim();
        return parse(trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+")));
    }

    /** Parses flags ({@code -name=value}, {@code -name value}, {@code --name}) and input names. */
    public static Parsed parse(List<String> args) throws ReportException {
        State st = new State();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                st.inputs.add(a);
                continue;
            }
            String body = a.startsWith("--") ? a.substring(2) : a.substring(1);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? null : body.substring(eq + 1);
            if (value == null && needsValue(name)) {
                value = next(args, ++i, name);
            }
            st.apply(name, value);
        }
        return new Parsed(st.report, st.arg, st.settings, st.allFrames, st.comments, st.inputs);
    }

    private static boolean needsValue(String name) {
        return REPORTS_WITH_ARG.contains(name) || name.equals("add_comment")
                || (IGNORED.contains(name) && !name.equals("no_browser"))
                || (Settings.isSetting(name) && !Settings.isBool(name));
    }

    /** What the flags seen so far say. */
    private static final class State {
        Settings settings = Settings.pprofDefaults();
        String report;
        String arg;
        boolean allFrames;
        final List<String> comments = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();

        void apply(String name, String value) throws ReportException {
            if (REPORTS_WITH_ARG.contains(name)) {
                report = name;
                arg = value;
            } else if (REPORTS.contains(name)) {
                report = name;
            } else if (SAMPLE_FLAGS.containsKey(name)) {
                settings = settings.set("sample_index", SAMPLE_FLAGS.get(name));
                settings = name.equals("mean_delay") ? settings.set("mean", "true") : settings;
            } else if (name.equals("all_frames")) {
                allFrames = value == null || Settings.parseBool(value);
            } else if (name.equals("add_comment")) {
                comments.add(value);
            } else if (Settings.isSetting(name)) {
                settings = settings.set(name, value == null ? "true" : value);
            } else if (!IGNORED.contains(name)) {
                throw new ReportException("flag provided but not defined: -" + name);
            }
        }
    }

    private static String next(List<String> args, int i, String name) throws ReportException {
        if (i >= args.size()) {
            throw new ReportException("flag needs an argument: -" + name);
        }
        return args.get(i);
    }
}
