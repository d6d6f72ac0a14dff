package profcon.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import profcon.graph.Filters.LabelTest;

/** pprof's tagfocus/tagignore values: {@code [key=]regexp[,regexp]} or a numeric range such as {@code 1mb:2gb}. */
final class TagFilter {
    private static final Pattern RANGE = Pattern.compile("([+-]?[0-9]+)([a-zA-Z]+)?");

    private TagFilter() {
    }

    /** Compiles a tag filter; null for an empty value. */
    static LabelTest compile(String name, String value, Map<String, String> numLabelUnits, List<String> warnings)
            throws ReportException {
        if (value.isEmpty()) {
            return null;
        }
        String wantKey = "";
        int eq = value.indexOf('=');
        if (eq >= 0) {
            wantKey = value.substring(0, eq);
            value = value.substring(eq + 1);
        }
        NumFilter num;
        try {
            num = parseRange(value);
        } catch (NumberFormatException e) {
            throw new ReportException("parsing " + name + ": failed to parse int in " + value);
        }
        if (num != null) {
            warnings.add(name + ":Interpreted '" + value + "' as range, not regexp");
            return numeric(num, wantKey, numLabelUnits);
        }
        List<Pattern> rx = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            rx.add(Reports.compileRegex(name, part));
        }
        return wantKey.isEmpty() ? anyKey(rx) : oneKey(rx, wantKey);
    }

    private static LabelTest anyKey(List<Pattern> rx) {
        return (labels, nums) -> {
            for (Pattern p : rx) {
                if (!anyLabelMatches(labels, p)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static boolean anyLabelMatches(Map<String, List<String>> labels, Pattern p) {
        for (Map.Entry<String, List<String>> e : labels.entrySet()) {
            for (String v : e.getValue()) {
                // pprof matches "key:value", not the value alone.
                if (p.matcher(e.getKey() + ":" + v).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static LabelTest oneKey(List<Pattern> rx, String key) {
        return (labels, nums) -> {
            List<String> vals = labels.get(key);
            if (vals == null) {
                return false;
            }
            for (Pattern p : rx) {
                for (String v : vals) {
                    if (p.matcher(v).find()) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    private static LabelTest numeric(NumFilter num, String wantKey, Map<String, String> units) {
        if (wantKey.isEmpty()) {
            return (labels, nums) -> {
                for (Map.Entry<String, List<Long>> e : nums.entrySet()) {
                    if (anyValue(num, e.getValue(), units.getOrDefault(e.getKey(), ""))) {
                        return true;
                    }
                }
                return false;
            };
        }
        return (labels, nums) -> {
            List<Long> vals = nums.get(wantKey);
            return vals != null && anyValue(num, vals, units.getOrDefault(wantKey, ""));
        };
    }

    private static boolean anyValue(NumFilter num, List<Long> vals, String unit) {
        for (long v : vals) {
            if (num.test(v, unit)) {
                return true;
            }
        }
        return false;
    }

    /** A numeric test of one label value in its unit. */
    interface NumFilter {
        boolean test(long value, String unit);
    }

    /** pprof's parseTagFilterRange: "N", "N:", ":N" or "N:M", each N with an optional unit. */
    static NumFilter parseRange(String filter) {
        Matcher m = RANGE.matcher(filter);
        List<String[]> ranges = new ArrayList<>();
        while (ranges.size() < 2 && m.find()) {
            ranges.add(new String[] {m.group(0), m.group(1), m.group(2) == null ? "" : m.group(2)});
        }
        if (ranges.isEmpty()) {
            return null;
        }
        String[] r0 = ranges.get(0);
        Measurement.Scaled lo = Measurement.scale(Long.parseLong(r0[1]), r0[2], r0[2]);
        String unit = lo.unit();
        if (ranges.size() == 1) {
            if (filter.equals(r0[0])) {
                return (v, u) -> within(v, u, unit, lo.value(), lo.value());
            } else if (filter.equals(r0[0] + ":")) {
                return (v, u) -> within(v, u, unit, lo.value(), Double.POSITIVE_INFINITY);
            } else if (filter.equals(":" + r0[0])) {
                return (v, u) -> within(v, u, unit, Double.NEGATIVE_INFINITY, lo.value());
            }
            return null;
        }
        String[] r1 = ranges.get(1);
        if (!filter.equals(r0[0] + ":" + r1[0])) {
            return null;
        }
        Measurement.Scaled hi = Measurement.scale(Long.parseLong(r1[1]), r1[2], unit);
        if (!unit.equals(hi.unit())) {
            return null;
        }
        return (v, u) -> within(v, u, unit, lo.value(), hi.value());
    }

    private static boolean within(long v, String u, String unit, double lo, double hi) {
        Measurement.Scaled s = Measurement.scale(v, u, unit);
        return s.unit().equals(unit) && s.value() >= lo && s.value() <= hi;
    }
}
