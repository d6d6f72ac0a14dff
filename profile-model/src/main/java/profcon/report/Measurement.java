package profcon.report;

import java.util.List;
import java.util.Locale;

/** pprof's measurement package: unit conversion, auto-scaling and value labels. */
public final class Measurement {
    /** A unit: its printed name, the aliases users and profiles spell it with, its factor to the base. */
    record Unit(String canonicalName, List<String> aliases, double factor) {
    }

    /** A family of convertible units (bytes, time, GCU) and the unit to fall back on. */
    record UnitType(Unit defaultUnit, List<Unit> units) {
        Unit findByAlias(String alias) {
            for (Unit u : units) {
                if (u.aliases.contains(alias)) {
                    return u;
                }
            }
            return null;
        }

        Unit sniff(String unit) {
            String u = unit.toLowerCase(Locale.ROOT);
            if (u.length() > 2 && u.endsWith("s")) {
                u = u.substring(0, u.length() - 1);
            }
            return findByAlias(u);
        }
    }

    /** A scaled value and the unit it is expressed in ("" when the unit is not worth printing). */
    public record Scaled(double value, String unit) {
    }

    private static final Unit BYTE = new Unit("B", List.of("b", "byte"), 1);
    private static final Unit SECOND = new Unit("s", List.of("s", "sec", "second"), 1e9);
    static final List<UnitType> UNIT_TYPES = List.of(
            new UnitType(BYTE, List.of(BYTE,
                    new Unit("kB", List.of("kb", "kbyte", "kilobyte"), 1L << 10),
                    new Unit("MB", List.of("mb", "mbyte", "megabyte"), 1L << 20),
                    new Unit("GB", List.of("gb", "gbyte", "gigabyte"), 1L << 30),
                    new Unit("TB", List.of("tb", "tbyte", "terabyte"), 1L << 40),
                    new Unit("PB", List.of("pb", "pbyte", "petabyte"), 1L << 50))),
            new UnitType(new Unit("s", List.of(), 1e9), List.of(
                    new Unit("ns", List.of("ns", "nanosecond"), 1),
                    new Unit("us", List.of("μs", "us", "microsecond"), 1e3),
                    new Unit("ms", List.of("ms", "millisecond"), 1e6),
                    SECOND,
                    new Unit("hrs", List.of("hour", "hr"), 3600e9))),
            new UnitType(new Unit("GCU", List.of(), 1), List.of(
                    new Unit("n*GCU", List.of("nanogcu"), 1e-9),
                    new Unit("u*GCU", List.of("microgcu"), 1e-6),
                    new Unit("m*GCU", List.of("milligcu"), 1e-3),
                    new Unit("GCU", List.of("gcu"), 1),
                    new Unit("k*GCU", List.of("kilogcu"), 1e3),
                    new Unit("M*GCU", List.of("megagcu"), 1e6),
                    new Unit("G*GCU", List.of("gigagcu"), 1e9),
                    new Unit("T*GCU", List.of("teragcu"), 1e12),
                    new Unit("P*GCU", List.of("petagcu"), 1e15))));

    private Measurement() {
    }

    /** Converts {@code value} from one unit to another; "minimum" and "auto" pick a readable unit. */
    public static Scaled scale(long value, String fromUnit, String toUnit) {
        if (value < 0 && -value > 0) {
            Scaled s = scale(-value, fromUnit, toUnit);
            return new Scaled(-s.value, s.unit);
        }
        for (UnitType ut : UNIT_TYPES) {
            Scaled s = convert(ut, value, fromUnit, toUnit);
            if (s != null) {
                return s;
            }
        }
        return switch (toUnit) {
            case "count", "sample", "unit", "minimum", "auto" -> new Scaled(value, "");
            default -> new Scaled(value, toUnit);
        };
    }

    private static Scaled convert(UnitType ut, long value, String fromUnit, String toUnit) {
        Unit from = ut.sniff(fromUnit);
        if (from == null) {
            return null;
        }
        double v = value * from.factor;
        if (toUnit.equals("minimum") || toUnit.equals("auto")) {
            Scaled auto = autoScale(ut, v);
            return auto != null ? auto : new Scaled(v / ut.defaultUnit.factor, ut.defaultUnit.canonicalName);
        }
        Unit to = ut.sniff(toUnit);
        if (to == null) {
            return new Scaled(v / ut.defaultUnit.factor, ut.defaultUnit.canonicalName);
        }
        return new Scaled(v / to.factor, to.canonicalName);
    }

    private static Scaled autoScale(UnitType ut, double value) {
        double f = 0;
        String unit = "";
        for (Unit u : ut.units) {
            if (u.factor >= f && value / u.factor >= 1.0) {
                f = u.factor;
                unit = u.canonicalName;
            }
        }
        return f == 0 ? null : new Scaled(value / f, unit);
    }

    /** Whether pprof knows {@code unit} (bytes, time or GCU, any alias). */
    public static boolean isKnownUnit(String unit) {
        return UNIT_TYPES.stream().anyMatch(ut -> ut.sniff(unit) != null);
    }

    /** A value auto-scaled to a readable unit, e.g. "1.50MB". */
    public static String label(long value, String unit) {
        return scaledLabel(value, unit, "auto");
    }

    /** A value converted to {@code toUnit} and printed with two decimals, ".00" dropped. */
    public static String scaledLabel(long value, String fromUnit, String toUnit) {
        if (fromUnit.isEmpty() && toUnit.equals("count")) {
            return Long.toString(value);
        }
        Scaled s = scale(value, fromUnit, toUnit);
        String sv = GoFormat.fixed(s.value, 2);
        if (sv.endsWith(".00")) {
            sv = sv.substring(0, sv.length() - 3);
        }
        if (sv.equals("0") || sv.equals("-0")) {
            return "0";
        }
        return sv + s.unit;
    }

    /** pprof's percentage: "  100%", "12.34%" or two significant digits below 1%. */
    public static String percentage(long value, long total) {
        double ratio = 0;
        if (total != 0) {
            ratio = Math.abs((double) value / (double) total) * 100;
        }
        if (ratio >= 99.95 && ratio <= 100.05) {
            return "  100%";
        }
        if (ratio >= 1.0) {
            return GoFormat.padLeft(GoFormat.fixed(ratio, 2), 5) + "%";
        }
        return GoFormat.padLeft(GoFormat.general(ratio, 2), 5) + "%";
    }
}
