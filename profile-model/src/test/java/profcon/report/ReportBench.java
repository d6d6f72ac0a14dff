package profcon.report;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import profcon.model.Function;
import profcon.model.Line;
import profcon.model.Location;
import profcon.model.Mapping;
import profcon.model.Profile;
import profcon.model.Sample;
import profcon.model.ValueType;
import profcon.pprof.PprofReader;
import profcon.pprof.PprofWriter;

/**
 * Times report generation on a synthetic million-sample Java profile (10,000 distinct stacks) and
 * on the corpus's large.cpu. A main class, not a unit test: run it with profile-model/scripts/bench-reports.sh.
 */
public final class ReportBench {
    private static final int SAMPLES = 1_000_000;
    private static final int STACKS = 10_000;
    private static final int RUNS = 5;

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%d processors, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path file = Files.createTempFile("profcon-bench", ".pb.gz");
        try {
            long t0 = System.nanoTime();
            Profile built = synthetic(new Random(42));
            PprofWriter.write(built, file);
            System.out.printf(Locale.ROOT, "built and saved %,d samples over %,d stacks (%,d bytes) in %d ms%n",
                    built.samples().size(), STACKS, Files.size(file), ms(t0));
            built = null;
            Profile p = timeLoad(file);
            benchReports("synthetic", p, "Metrics");
            compareWithGo(file);
        } finally {
            Files.deleteIfExists(file);
        }
        String corpus = System.getProperty("profcon.corpus", "/work/shared/pprof-corpus");
        Path large = Path.of(corpus, "internal/proftest/testdata/large.cpu");
        if (Files.isRegularFile(large)) {
            benchReports("large.cpu", timeLoad(large), "runtime");
        }
    }

    /**
     * The yardstick for loading: {@code go tool pprof -top FILE} (load and top together,
     * best of 3), when Go is installed; printed next to profcon's own load time above.
     */
    private static void compareWithGo(Path file) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Process go;
            try {
                go = new ProcessBuilder("go", "tool", "pprof", "-top", file.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (java.io.IOException e) {
                System.out.println("go tool pprof: not installed (apt-get install golang-go to compare)");
                return;
            }
            if (go.waitFor() != 0) {
                System.out.println("go tool pprof -top failed with exit " + go.exitValue());
                return;
            }
            best = Math.min(best, ms(t0));
        }
        System.out.printf(Locale.ROOT, "go tool pprof -top %s: wall %d ms (best of 3, load and report)%n",
                file.getFileName(), best);
    }

    private static Profile timeLoad(Path file) throws Exception {
        long best = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
        Profile p = null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            p = null;
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            p = PprofReader.read(file);
            best = Math.min(best, ms(t0));
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - c0) / 1_000_000);
        }
        System.out.printf(Locale.ROOT, "load %s: wall %d ms, cpu %d ms (best of 3), %,d samples%n",
                file.getFileName(), best, bestCpu, p.samples().size());
        return p;
    }

    private static void benchReports(String name, Profile p, String peekRegex) throws Exception {
        time(name, "top10", p, "top", List.of("10"));
        time(name, "peek " + peekRegex, p, "peek", List.of(peekRegex));
        time(name, "tree", p, "tree", List.of());
        time(name, "traces", p, "traces", List.of());
        time(name, "tags", p, "tags", List.of());
        time(name, "top10 focus=" + peekRegex, p, "top", List.of("10", "focus=" + peekRegex));
    }

    private static void time(String profile, String label, Profile p, String cmd, List<String> args)
            throws Exception {
        long[] times = new long[RUNS];
        long[] cpu = new long[RUNS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS; i++) {
            PrintWriter out = new PrintWriter(Writer.nullWriter());
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Reports.run(cmd, args, p, Settings.defaults(), out, out);
            times[i] = ms(t0);
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        }
        long first = times[0], firstCpu = cpu[0];
        java.util.Arrays.sort(times);
        java.util.Arrays.sort(cpu);
        // Wall time suffers from other load on the machine; thread CPU time is reported beside it.
        System.out.printf(Locale.ROOT, "%-10s %-24s wall median %5d ms best %5d ms | cpu median %5d ms best %5d ms"
                + " | first run %d ms (cpu %d ms)%n", profile, label, times[RUNS / 2], times[0], cpu[RUNS / 2],
                cpu[0], first, firstCpu);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** 1,000,000 samples over 10,000 distinct stacks of Java frames, with a thread label. */
    static Profile synthetic(Random r) {
        Mapping jvm = new Mapping(1, 0, 0, 0, "", "", true, true, true, false);
        List<Function> functions = new ArrayList<>();
        List<Location> locations = new ArrayList<>();
        String[] packages = {"com.example.http", "com.example.db", "com.example.cache", "com.example.metrics",
            "java.util", "java.util.concurrent", "io.netty.channel", "org.apache.kafka.clients"};
        String[] classes = {"Handler", "Pool", "Metrics", "Codec", "Router", "Worker", "Queue", "Client"};
        String[] methods = {"run", "handle", "get", "put", "record", "encode", "decode", "poll", "send", "call"};
        for (int i = 0; i < 2_000; i++) {
            String cls = classes[i % classes.length] + (i / 80);
            String name = packages[(i / 8) % packages.length] + "." + cls + "." + methods[i % methods.length];
            functions.add(new Function(i + 1, name, name, cls + ".java", 0));
        }
        for (int i = 0; i < 20_000; i++) {
            Function f = functions.get(i % functions.size());
            locations.add(new Location(i + 1, jvm, 0, List.of(new Line(f, 10 + i % 300, 0)), false));
        }
        List<List<Location>> stacks = new ArrayList<>();
        for (int s = 0; s < STACKS; s++) {
            int depth = 8 + r.nextInt(40);
            List<Location> stack = new ArrayList<>(depth);
            for (int d = 0; d < depth; d++) {
                // Shared roots and varied leaves, as real stacks have.
                int pool = d > depth - 4 ? 50 : locations.size();
                stack.add(locations.get(r.nextInt(pool)));
            }
            stacks.add(List.copyOf(stack));
        }
        List<Map<String, List<String>>> threads = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            threads.add(Map.of("thread", List.of("worker-" + t)));
        }
        List<Sample> samples = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            int s = (int) Math.min(STACKS - 1, Math.abs(r.nextGaussian()) * STACKS / 3);
            samples.add(new Sample(stacks.get(s), new long[] {1, 10_000_000L}, threads.get(r.nextInt(32)),
                    Map.of(), Map.of()));
        }
        List<ValueType> types = List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds"));
        return new Profile(types, "", samples, List.of(jvm), locations, functions, "", "", 0, 10_000_000_000L,
                types.get(1), 10_000_000L, List.of(), "");
    }
}
