package profcon.report;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import profcon.model.Profile;
import profcon.pprof.PprofReader;
import profcon.pprof.PprofWriter;

/**
 * Opening a big profile the way a console does, once per JVM: {@code make FILE} writes the
 * synthetic million-sample profile of {@link ReportBench}; {@code load FILE} reads it and runs
 * {@code top10}, printing the wall time and the JVM's peak heap (the sum of its heap pools' peaks).
 * Run by profile-model/scripts/bench-load.sh, which adds the process's peak RSS.
 */
public final class LoadBench {
    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("make")) {
            PprofWriter.write(ReportBench.synthetic(new Random(42)), file);
            return;
        }
        long t0 = System.nanoTime();
        Profile p = PprofReader.read(file);
        long loaded = System.nanoTime();
        PrintWriter out = new PrintWriter(Writer.nullWriter());
        Reports.run("top", List.of("10"), p, Settings.defaults(), out, out);
        long done = System.nanoTime();
        System.out.printf(Locale.ROOT, "load %d ms, load+top10 %d ms, peak heap %d MB, %,d samples%n",
                (loaded - t0) / 1_000_000, (done - t0) / 1_000_000, peakHeap() >> 20, p.samples().size());
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
