package profcon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Profile;
import profcon.model.Sample;

/**
 * How many samples of a CPU profile fell in {@code CpuShares$Work.a} and {@code $Work.b} (anywhere on
 * the stack: cum) and under the labels {@code tenant=a} and {@code tenant=b}, read from a pprof
 * profile or from collapsed stacks ({@code frame;frame;... count}, which carry no labels).
 */
record SampleShares(long a, long b, long tenantA, long tenantB, long total, boolean labelled) {
    static final String A = "profcon.demo.CpuShares$Work.a";
    static final String B = "profcon.demo.CpuShares$Work.b";

    static SampleShares of(Profile profile) {
        int count = Math.max(0, profile.sampleTypeIndex("samples"));
        long a = 0, b = 0, tenantA = 0, tenantB = 0, total = 0;
        for (Sample s : profile.samples()) {
            long n = s.values()[count];
            total += n;
            a += contains(s, A) ? n : 0;
            b += contains(s, B) ? n : 0;
            tenantA += "a".equals(s.label("tenant")) ? n : 0;
            tenantB += "b".equals(s.label("tenant")) ? n : 0;
        }
        return new SampleShares(a, b, tenantA, tenantB, total, true);
    }

    static SampleShares ofCollapsed(Path file) throws IOException {
        long a = 0, b = 0, total = 0;
        for (String line : Files.readAllLines(file)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long n = Long.parseLong(line.substring(space + 1).trim());
            String stack = ";" + line.substring(0, space).replace('/', '.') + ";";
            total += n;
            a += containsFrame(stack, A) ? n : 0;
            b += containsFrame(stack, B) ? n : 0;
        }
        return new SampleShares(a, b, 0, 0, total, false);
    }

    private static boolean contains(Sample s, String function) {
        for (Location location : s.locations()) {
            for (Line line : location.lines()) {
                if (line.function().name().equals(function)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A frame of a collapsed stack, with or without async-profiler's {@code _[j]}-style frame type suffix. */
    private static boolean containsFrame(String stack, String function) {
        return stack.contains(";" + function + ";") || stack.contains(";" + function + "_[");
    }

    /** Samples in {@code a} or {@code b}: the {@code n} of the shares' binomial error. */
    long methodSamples() {
        return a + b;
    }

    long tenantSamples() {
        return tenantA + tenantB;
    }
}
