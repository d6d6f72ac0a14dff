package profcon.sched;

import java.util.Locale;

/** How {@code sched} writes CPU counts, seconds and durations, the same in every line. */
final class SchedFormat {
    private SchedFormat() {
    }

    /** {@code 1 CPU}, {@code 2 CPUs}, {@code 0.5 CPUs}. */
    static String cpus(double n) {
        if (n == Math.rint(n)) {
            return (long) n + (n == 1 ? " CPU" : " CPUs");
        }
        return String.format(Locale.ROOT, "%.2f", n).replaceAll("0+$", "") + " CPUs";
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** A short duration: {@code 850us}, {@code 12.3ms}, {@code 1.20s}. */
    static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%dus", nanos / 1000);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }
}
