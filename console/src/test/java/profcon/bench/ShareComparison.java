package profcon.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One CPU profile's shares of {@code CpuShares}' work beside the truth of its window, as a report or
 * a table row. {@code built} is a's share as the tasks are built (their rounds' ratio): where the
 * truth is wall time (virtual threads on JDK 25), which counts time a task waited for a CPU, the
 * row also says whether the profile is within 2 sigma of that.
 */
record ShareComparison(TruthFile.Spent truth, String clock, double built, SampleShares samples) {
    private static final String ROW = "%-29s %-23s %7s %7s %7s %6s %6s %8s %5s  %s%n";

    static void printHeader(PrintStream out) {
        out.printf(Locale.ROOT, ROW, "case", "engine", "samples", "a%true", "a%prof", "error", "2sigma", "tenant=a",
                "load", "within 2 sigma");
    }

    double trueA() {
        return truth.aShare();
    }

    double profileA() {
        return (double) samples.a() / samples.methodSamples();
    }

    double tenantA() {
        return (double) samples.tenantA() / samples.tenantSamples();
    }

    /** Twice the binomial standard error of a share of {@code n} samples around the true share. */
    double twoSigma(long n) {
        return 2 * Math.sqrt(trueA() * (1 - trueA()) / n);
    }

    boolean methodWithin() {
        return within(profileA(), samples.methodSamples(), trueA());
    }

    /** True without labels to check (collapsed stacks). */
    boolean tenantWithin() {
        return !hasTenants() || within(tenantA(), samples.tenantSamples(), trueA());
    }

    boolean hasTenants() {
        return samples.labelled() && samples.tenantSamples() > 0;
    }

    /** A row with no numbers: an engine that could not run, say. */
    static void printNote(PrintStream out, String name, String engine, String load, String note) {
        out.printf(Locale.ROOT, ROW, name, engine, "-", "-", "-", "-", "-", "-", load, note);
    }

    /** One table row; {@code load} is the machine's load average when the row was checked. */
    void printRow(PrintStream out, String name, String engine, String load) {
        if (samples.methodSamples() == 0) {
            out.printf(Locale.ROOT, ROW, name, engine, "0", pct(trueA()), "-", "-", "-", "-", load,
                    "no samples in Work.a or Work.b");
            return;
        }
        out.printf(Locale.ROOT, ROW, name, engine, samples.methodSamples(), pct(trueA()), pct(profileA()),
                points(profileA() - trueA()), pct(twoSigma(samples.methodSamples())),
                hasTenants() ? pct(tenantA()) : "-", load, verdict());
    }

    private String verdict() {
        String v = verdict(trueA());
        if ("thread-cpu".equals(clock)) {
            return v;
        }
        String vsBuilt = Double.isNaN(built) ? "" : String.format(Locale.ROOT, "; built %s: %s", pct(built), verdict(built));
        return v + " (truth: " + clock + " time" + vsBuilt + ")";
    }

    /** Whether the method's and the tenant's shares are within 2 sigma of {@code p}. */
    private String verdict(double p) {
        boolean method = within(profileA(), samples.methodSamples(), p);
        boolean tenant = !hasTenants() || within(tenantA(), samples.tenantSamples(), p);
        return method && tenant ? "yes" : !method ? "NO" : "NO (tenant)";
    }

    private static boolean within(double share, long n, double p) {
        return Math.abs(share - p) <= 2 * Math.sqrt(p * (1 - p) / n);
    }

    void printReport(PrintStream out) {
        out.printf(Locale.ROOT, "truth (%s clock): a %.3f s, b %.3f s of task time in the profile's window%n",
                clock, truth.aNanos() / 1e9, truth.bNanos() / 1e9);
        if (samples.methodSamples() == 0) {
            out.printf(Locale.ROOT, "no samples in Work.a or Work.b (%d in all)%n", samples.total());
            return;
        }
        out.printf(Locale.ROOT, "%-10s %8s %8s %8s %7s %7s  %s%n", "share", "samples", "profile", "truth",
                "error", "2sigma", "within 2 sigma");
        line(out, "Work.a", samples.methodSamples(), profileA(), methodWithin());
        if (hasTenants()) {
            line(out, "tenant=a", samples.tenantSamples(), tenantA(), tenantWithin());
        }
        out.printf(Locale.ROOT, "samples: %d in all, %d in neither Work.a nor Work.b%n", samples.total(),
                samples.total() - samples.methodSamples());
    }

    private void line(PrintStream out, String name, long n, double share, boolean within) {
        out.printf(Locale.ROOT, "%-10s %8d %8s %8s %7s %7s  %s%n", name, n, pct(share), pct(trueA()),
                points(share - trueA()), pct(twoSigma(n)), within ? "yes" : "NO");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f", 100 * share);
    }

    private static String points(double delta) {
        return String.format(Locale.ROOT, "%+.1f", 100 * delta);
    }
}
