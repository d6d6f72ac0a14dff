package profcon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code CpuShares --truth=FILE}: cumulative nanoseconds spent in {@code Work.a} and {@code Work.b},
 * a line every 100 ms, cut to a profile's window by linear interpolation between the lines around
 * each edge of the window.
 */
record TruthFile(String header, List<long[]> lines) {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /** What the tasks spent in a window: {@code a} and {@code b} nanoseconds by the file's clock. */
    record Spent(double aNanos, double bNanos) {
        double aShare() {
            return aNanos / (aNanos + bNanos);
        }
    }

    static TruthFile read(Path file) throws IOException {
        List<String> text = Files.readAllLines(file);
        if (text.isEmpty() || !text.get(0).startsWith("# CpuShares")) {
            throw new IOException(file + " is not a CpuShares truth file: no '# CpuShares' header");
        }
        List<long[]> lines = new ArrayList<>();
        for (String line : text.subList(1, text.size())) {
            if (!line.isBlank()) {
                lines.add(parse(file, line));
            }
        }
        return new TruthFile(text.get(0), List.copyOf(lines));
    }

    private static long[] parse(Path file, String line) throws IOException {
        String[] words = line.trim().split("\\s+");
        if (words.length != 5) {
            throw new IOException(file + ": '" + line + "' has " + words.length + " fields, expected 5");
        }
        long[] fields = new long[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = Long.parseLong(words[i]);
        }
        return fields;
    }

    /** The header's {@code clock=} value: {@code thread-cpu}, or {@code wall} where CPU time was not measurable. */
    String clock() {
        for (String word : header.split("\\s+")) {
            if (word.startsWith("clock=")) {
                return word.substring("clock=".length());
            }
        }
        return "unknown";
    }

    /**
     * a's share as the tasks are built: {@code ratio / (ratio + 1)} from the header (the same loop,
     * rounds in that exact ratio, so their CPU time is too); NaN when the header has no ratio.
     */
    double builtShare() {
        for (String word : header.split("\\s+")) {
            if (word.startsWith("ratio=")) {
                double ratio = Double.parseDouble(word.substring("ratio=".length()));
                return ratio / (ratio + 1);
            }
        }
        return Double.NaN;
    }

    /** What the tasks spent from {@code fromEpochNanos} to {@code toEpochNanos}, interpolated at each edge. */
    Spent cut(long fromEpochNanos, long toEpochNanos) {
        double[] from = at(fromEpochNanos);
        double[] to = at(toEpochNanos);
        return new Spent(to[0] - from[0], to[1] - from[1]);
    }

    /** The cumulative {a, b} nanoseconds at one instant, between the two lines around it. */
    private double[] at(long epochNanos) {
        for (int i = 1; i < lines.size(); i++) {
            long[] before = lines.get(i - 1);
            long[] after = lines.get(i);
            // in nanoseconds since the line before: epoch nanoseconds as a double would lose the last 8 bits
            long since = epochNanos - before[0] * NANOS_PER_MILLI;
            long interval = (after[0] - before[0]) * NANOS_PER_MILLI;
            if (since >= 0 && since <= interval) {
                double f = interval == 0 ? 0 : (double) since / interval;
                return new double[] {before[1] + f * (after[1] - before[1]), before[2] + f * (after[2] - before[2])};
            }
        }
        throw new IllegalArgumentException(String.format("the truth file covers epoch ms %s to %s, not %d: "
                + "was the target writing it during the whole profile?", first(), last(), epochNanos / NANOS_PER_MILLI));
    }

    private String first() {
        return lines.isEmpty() ? "-" : Long.toString(lines.get(0)[0]);
    }

    private String last() {
        return lines.isEmpty() ? "-" : Long.toString(lines.get(lines.size() - 1)[0]);
    }
}
