package profcon.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import profcon.model.Profile;
import profcon.model.ValueType;

/**
 * pprof's report variables (internal/driver/config.go): names, defaults, types and choices.
 * Immutable: {@link #set} returns a new instance, so options given with one command never leak.
 */
public final class Settings {
    enum Kind { BOOL, INT, FLOAT, STRING }

    private record Field(String name, Kind kind, String defaultValue, List<String> choices, String help) {
    }

    private static final List<Field> FIELDS = List.of(
            f("call_tree", Kind.BOOL, "false", "Create a context-sensitive call tree (graph reports)"),
            f("relative_percentages", Kind.BOOL, "false", "Show percentages relative to the focused subgraph"),
            f("unit", Kind.STRING, "minimum", "Measurement units to display (minimum, auto, or a unit like ms, MB)"),
            f("compact_labels", Kind.BOOL, "false", "Show minimal headers"),
            f("source_path", Kind.STRING, "", "Search path for source files (directories and -sources.jar files, ':'-separated)"),
            f("trim_path", Kind.STRING, "", "Path prefixes to trim from source file names"),
            f("intel_syntax", Kind.BOOL, "false", "Show assembly in Intel syntax"),
            f("mean", Kind.BOOL, "false", "Average sample value over first value (count)"),
            f("sample_index", Kind.STRING, "", "Sample value to report (0-based index or name)"),
            f("divide_by", Kind.FLOAT, "1", "Ratio to divide all samples before visualization"),
            f("normalize", Kind.BOOL, "false", "Scales profile based on the base profile"),
            new Field("sort", Kind.STRING, "flat", List.of("cum", "flat"), "Sort entries by flat or cumulative value"),
            f("tagroot", Kind.STRING, "", "Adds pseudo stack frames for labels key/value pairs at the callstack root"),
            f("tagleaf", Kind.STRING, "", "Adds pseudo stack frames for labels key/value pairs at the callstack leaf"),
            f("drop_negative", Kind.BOOL, "false", "Ignore negative differences"),
            f("nodecount", Kind.INT, "-1", "Max number of nodes to show"),
            f("nodefraction", Kind.FLOAT, "0.005", "Hide nodes below <f>*total"),
            f("edgefraction", Kind.FLOAT, "0.001", "Hide edges below <f>*total"),
            f("trim", Kind.BOOL, "true", "Honor nodefraction/edgefraction/nodecount defaults"),
            f("focus", Kind.STRING, "", "Restricts to samples going through a node matching regexp"),
            f("ignore", Kind.STRING, "", "Skips paths going through any nodes matching regexp"),
            f("prune_from", Kind.STRING, "", "Drops any functions below the matched frame"),
            f("hide", Kind.STRING, "", "Skips nodes matching regexp"),
            f("show", Kind.STRING, "", "Only show nodes matching regexp"),
            f("show_from", Kind.STRING, "", "Drops functions above the highest matched frame"),
            f("tagfocus", Kind.STRING, "", "Restricts to samples with tags in range or matched by regexp"),
            f("tagignore", Kind.STRING, "", "Discard samples with tags in range or matched by regexp"),
            f("tagshow", Kind.STRING, "", "Only consider tags matching this regexp"),
            f("taghide", Kind.STRING, "", "Skip tags matching this regexp"),
            f("noinlines", Kind.BOOL, "false", "Ignore inlines"),
            f("columns", Kind.BOOL, "false", "Show column numbers at the source code line level"),
            new Field("granularity", Kind.STRING, "functions",
                    List.of("functions", "filefunctions", "files", "lines", "columns", "addresses"),
                    "Aggregate at the level of functions, files, lines or addresses"),
            f("base", Kind.STRING, "", "Profile file to subtract from this one (values may go negative)"),
            f("diff_base", Kind.STRING, "", "Profile file to compare with; percentages are relative to it"));

    private static Field f(String name, Kind kind, String def, String help) {
        return new Field(name, kind, def, List.of(), help);
    }

    private static final Map<String, Field> BY_NAME = new LinkedHashMap<>();

    static {
        for (Field field : FIELDS) {
            BY_NAME.put(field.name, field);
        }
    }

    private final Map<String, String> values;
    private final BaseProfiles bases;

    private Settings(Map<String, String> values, BaseProfiles bases) {
        this.values = values;
        this.bases = bases;
    }

    /** pprof's defaults as in its interactive mode, which turns on compact_labels. */
    public static Settings defaults() {
        return pprofDefaults().with("compact_labels", "true");
    }

    /** pprof's defaults for a command-line (non-interactive) run. */
    public static Settings pprofDefaults() {
        Map<String, String> v = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            v.put(field.name, field.defaultValue);
        }
        return new Settings(v, new BaseProfiles(BaseProfiles.PPROF));
    }

    private Settings with(String name, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(name, value);
        return new Settings(v, bases.set(name, value));
    }

    /** Sets a variable (or picks a choice: {@code cum}, {@code lines}...), checking the value as pprof does. */
    public Settings set(String name, String value) throws ReportException {
        Field field = BY_NAME.get(name);
        if (field != null) {
            return with(name, checked(field, value));
        }
        Field group = groupOf(name);
        if (group == null) {
            throw new ReportException("unknown config field \"" + name + "\"");
        }
        if (!value.isEmpty() && !parseBool(value)) {
            throw new ReportException("unknown config field \"" + name + "\"");
        }
        return with(group.name, name);
    }

    private static Field groupOf(String choice) {
        for (Field field : FIELDS) {
            if (field.choices.contains(choice)) {
                return field;
            }
        }
        return null;
    }

    private static String checked(Field field, String value) throws ReportException {
        switch (field.kind) {
            case INT -> parseInt(value);
            case FLOAT -> parseFloat(value);
            case BOOL -> {
                return Boolean.toString(parseBool(value));
            }
            default -> {
                if (!field.choices.isEmpty() && !field.choices.contains(value)) {
                    throw new ReportException("invalid \"" + field.name + "\" value \"" + value + "\"");
                }
            }
        }
        return value;
    }

    static int parseInt(String value) throws ReportException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ReportException("strconv.Atoi: parsing \"" + value + "\": invalid syntax");
        }
    }

    static double parseFloat(String value) throws ReportException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new ReportException("strconv.ParseFloat: parsing \"" + value + "\": invalid syntax");
        }
    }

    static boolean parseBool(String value) throws ReportException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1", "" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new ReportException("illegal value \"" + value + "\" for bool variable");
        };
    }

    /** pprof's {@code :} command: clears focus, ignore, hide, tagfocus and tagignore. */
    public Settings clearFilters() {
        Map<String, String> v = new LinkedHashMap<>(values);
        for (String name : List.of("focus", "ignore", "hide", "tagfocus", "tagignore")) {
            v.put(name, "");
        }
        return new Settings(v, bases);
    }

    /**
     * These settings with {@code reader} reading the files that {@code base} and {@code diff_base}
     * name (the console reads {@code .jfr} recordings too); nothing is read until a report needs it.
     */
    public Settings withBaseReader(BaseProfiles.Reader reader) {
        BaseProfiles b = new BaseProfiles(reader);
        for (String name : List.of("base", "diff_base")) {
            b = b.set(name, values.get(name));
        }
        return new Settings(values, b);
    }

    /** The profile that base setting {@code name} names, read once while the setting keeps its value. */
    Profile baseProfile(String name) throws ReportException {
        return bases.profile(name, values.get(name));
    }

    /** Every variable name, in pprof's order. */
    public List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Whether {@code name} is a variable or one of the choices of a variable (e.g. {@code cum}). */
    public static boolean isSetting(String name) {
        return BY_NAME.containsKey(name) || groupOf(name) != null;
    }

    /** Whether {@code name} can be given without a value (bool variables and choices). */
    public static boolean isBool(String name) {
        Field field = BY_NAME.get(name);
        return field == null ? groupOf(name) != null : field.kind == Kind.BOOL;
    }

    /** Values the variable accepts, for completion; empty when any value goes. */
    public List<String> choices(String name) {
        Field field = BY_NAME.get(name);
        if (field == null) {
            return List.of();
        }
        if (field.kind == Kind.BOOL) {
            return List.of("true", "false");
        }
        if (name.equals("unit")) {
            return List.of("minimum", "auto", "B", "kB", "MB", "GB", "ns", "us", "ms", "s");
        }
        return field.choices;
    }

    /** The one-line help of a variable, or null. */
    public static String help(String name) {
        Field field = BY_NAME.get(name);
        return field == null ? null : field.help;
    }

    /** The value as a string, as pprof prints it; null for an unknown name. */
    public String get(String name) {
        return values.get(name);
    }

    int intValue(String name) {
        return Integer.parseInt(values.get(name).trim());
    }

    double floatValue(String name) {
        return Double.parseDouble(values.get(name).trim());
    }

    boolean boolValue(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    /** The current values in pprof's {@code options} layout (no profile: sample types not listed). */
    public void writeOptions(PrintWriter out) {
        writeOptions(out, null);
    }

    /** The current values in pprof's {@code options} layout, naming the profile's sample types. */
    public void writeOptions(PrintWriter out, Profile profile) {
        List<String> lines = new ArrayList<>();
        for (Field field : FIELDS) {
            String line = optionLine(field, profile);
            if (line != null) {
                lines.add(line);
            }
        }
        Collections.sort(lines);
        for (String line : lines) {
            out.print(line + "\n");
        }
        out.flush();
    }

    private String optionLine(Field field, Profile profile) {
        String v = values.get(field.name);
        String comment = "";
        if (!field.choices.isEmpty()) {
            List<String> sorted = new ArrayList<>(field.choices);
            Collections.sort(sorted);
            comment = "[" + String.join(" | ", sorted) + "]";
        } else if (field.name.equals("sample_index") && profile != null && !profile.sampleTypes().isEmpty()) {
            List<String> types = profile.sampleTypes().stream().map(ValueType::type).toList();
            v = v.isEmpty() ? types.get(types.size() - 1) : v;
            comment = "[" + String.join(" | ", types) + "]";
        } else if (field.name.equals("source_path")) {
            return null;
        } else if (field.name.equals("nodecount") && v.equals("-1")) {
            comment = "default";
        } else if (v.isEmpty()) {
            v = "\"\"";
        }
        comment = comment.isEmpty() ? "" : "//: " + comment;
        return "  " + GoFormat.padRight(field.name, 25) + " = " + GoFormat.padRight(v, 20) + " " + comment;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
