package profcon.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import profcon.attach.AttachedJvm;

/**
 * Measures the stall a target suffers from each way of dumping its threads: profcon's grouped
 * view, profcon's full dump, and {@code jcmd <pid> Thread.print}, at several thread counts, on
 * each JDK given. The stall is what a probe thread inside the target measures (its longest gap).
 * Each operation runs three times in one session: the first grouped dump reads every stack, the
 * next ones (JDK 17-20) only those of threads that ran since, so the ratio line gives both.
 * {@code -Dbench.keepLogs=true} keeps each target's {@code -Xlog:safepoint} file and prints its path.
 * Not a test: run by {@code scripts/bench-thread-dumps.sh}. Args: {@code JAVA_HOME... -- N...}.
 */
public final class ThreadDumpBench {
    private static final int REPEATS = 3;
    private static final String[] OPS = {"grouped", "full", "jcmd Thread.print"};

    private ThreadDumpBench() {
    }

    public static void main(String[] args) throws Exception {
        int split = Arrays.asList(args).indexOf("--");
        List<String> jdks = Arrays.asList(args).subList(0, split);
        List<String> counts = Arrays.asList(args).subList(split + 1, args.length);
        System.out.println("Longest stall a probe thread in the target saw, per run; then, from the target's "
                + "-Xlog:safepoint, the longest non-GC safepoint and the longest GC pause over all runs (ms)");
        System.out.println("jdk  threads  operation           probe stall per run             max  safepoint   GC pause"
                + "   wall(ms)");
        for (String jdk : jdks) {
            for (String n : counts) {
                run(jdk, Integer.parseInt(n));
            }
        }
    }

    private static void run(String javaHome, int threads) throws Exception {
        Path log = java.nio.file.Files.createTempFile("bench-safepoints", ".log");
        Process target = new ProcessBuilder(Path.of(javaHome, "bin", "java").toString(),
                "-Xlog:safepoint:file=" + log, "-cp",
                System.getProperty("java.class.path"), StallProbeTarget.class.getName(), Integer.toString(threads))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(target.getOutputStream(), true, StandardCharsets.UTF_8);
        try (AttachedJvm jvm = awaitAndAttach(out, target)) {
            String version = jvm.info().get("java_version");
            double[] max = new double[OPS.length];
            double[] safepoint = new double[OPS.length];
            double firstGrouped = 0;
            double repeatedGrouped = 0;
            SafepointLog safepoints = new SafepointLog(log);
            safepoints.next();
            for (int op = 0; op < OPS.length; op++) {
                List<String> stalls = new ArrayList<>();
                long wall = 0;
                for (int r = 0; r < REPEATS; r++) {
                    in.println("reset");
                    out.readLine();
                    long start = System.nanoTime();
                    perform(op, jvm, javaHome, target.pid());
                    wall = Math.max(wall, System.nanoTime() - start);
                    in.println("report");
                    double ms = Long.parseLong(out.readLine().substring(6)) / 1e6;
                    max[op] = Math.max(max[op], ms);
                    if (op == 0 && r == 0) {
                        firstGrouped = ms;
                    } else if (op == 0) {
                        repeatedGrouped = Math.max(repeatedGrouped, ms);
                    }
                    stalls.add(String.format(Locale.ROOT, "%.1f", ms));
                }
                double[] sp = safepoints.next();
                safepoint[op] = sp[0];
                System.out.printf(Locale.ROOT, "%-4s %7d  %-18s  %-30s %6.1f %10.1f %10.1f %10.0f%n", version, threads,
                        OPS[op], String.join(" / ", stalls), max[op], sp[0], sp[1], wall / 1e6);
            }
            System.out.printf(Locale.ROOT, "%-4s %7d  ratio grouped/jcmd = %.3f (first dump %.3f, repeated %.3f), "
                    + "full/jcmd = %.3f; longest safepoint grouped/jcmd = %.3f%n", version, threads, max[0] / max[2],
                    firstGrouped / max[2], repeatedGrouped / max[2], max[1] / max[2], safepoint[0] / safepoint[2]);
        } finally {
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            if (Boolean.getBoolean("bench.keepLogs")) {
                System.out.println("safepoint log kept: " + log);
            } else {
                java.nio.file.Files.deleteIfExists(log);
            }
        }
    }

    private static AttachedJvm awaitAndAttach(BufferedReader out, Process target) throws Exception {
        String line = out.readLine();
        if (line == null || !line.startsWith("READY")) {
            throw new IllegalStateException("target did not start: " + line);
        }
        return AttachedJvm.attach(target.pid());
    }

    private static void perform(int op, AttachedJvm jvm, String javaHome, long pid) throws IOException,
            InterruptedException {
        switch (op) {
            case 0 -> jvm.client().call("threads");
            case 1 -> jvm.client().call("threads-full");
            default -> {
                Process jcmd = new ProcessBuilder(Path.of(javaHome, "bin", "jcmd").toString(), Long.toString(pid),
                        "Thread.print").redirectErrorStream(true).start();
                jcmd.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                jcmd.waitFor();
            }
        }
    }
}
