package profcon.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import profcon.pprof.PprofReader;

/**
 * Checks a CPU profile of {@code profcon.demo.CpuShares} against its truth file: the profile's share
 * of {@code Work.a} (cum) and of {@code tenant=a} beside the share of task time {@code a} really took
 * in the profile's window, the error in points, and the binomial sampling error
 * {@code 2 sqrt(p (1 - p) / n)} (p the true share, n the samples in {@code a} or {@code b}) within
 * which an unbiased sampler lands 95 % of the time. Run by {@code scripts/bench-cpu-accuracy.sh};
 * not a test.
 *
 * <p>Usage: {@code CpuSharesCheck TRUTH PROFILE.pb.gz}, or {@code CpuSharesCheck TRUTH STACKS.collapsed
 * --window-ms=FROM,TO} for collapsed stacks (which have no window of their own; epoch milliseconds),
 * prints a short report; with {@code --case=NAME --engine=NAME [--load=L]}, one table row instead
 * ({@code L}: the load average to show). {@code CpuSharesCheck --header} prints the table's header,
 * and {@code --case=NAME --engine=NAME --note=TEXT} a row that only says {@code TEXT} (an engine
 * that is not available, a failed run).
 */
public final class CpuSharesCheck {
    private CpuSharesCheck() {
    }

    public static void main(String[] argv) throws Exception {
        List<String> args = new ArrayList<>(List.of(argv));
        if (args.remove("--header")) {
            ShareComparison.printHeader(System.out);
            return;
        }
        String name = option(args, "--case=");
        String engine = option(args, "--engine=");
        String note = option(args, "--note=");
        String load = Objects.requireNonNullElse(option(args, "--load="), "-");
        String window = option(args, "--window-ms=");
        if (note != null) {
            ShareComparison.printNote(System.out, name, engine, load, note);
            return;
        }
        if (args.size() != 2) {
            throw new IllegalArgumentException("usage: CpuSharesCheck TRUTH PROFILE.pb.gz|STACKS.collapsed "
                    + "[--window-ms=FROM,TO] [--case=NAME --engine=NAME [--load=L]] | --header");
        }
        ShareComparison c = compare(TruthFile.read(Path.of(args.get(0))), Path.of(args.get(1)), window);
        if (name != null) {
            c.printRow(System.out, name, engine, load);
        } else {
            c.printReport(System.out);
        }
    }

    private static String option(List<String> args, String prefix) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                args.remove(arg);
                return arg.substring(prefix.length());
            }
        }
        return null;
    }

    /** The profile (pprof, its own window) or collapsed stacks (window given) against the truth. */
    static ShareComparison compare(TruthFile truth, Path profile, String windowMs) throws Exception {
        if (windowMs == null) {
            var p = PprofReader.read(profile);
            return new ShareComparison(truth.cut(p.timeNanos(), p.timeNanos() + p.durationNanos()), truth.clock(),
                    truth.builtShare(), SampleShares.of(p));
        }
        String[] edges = windowMs.split(",");
        long from = Long.parseLong(edges[0]) * 1_000_000L;
        long to = Long.parseLong(edges[1]) * 1_000_000L;
        return new ShareComparison(truth.cut(from, to), truth.clock(), truth.builtShare(),
                SampleShares.ofCollapsed(profile));
    }
}
