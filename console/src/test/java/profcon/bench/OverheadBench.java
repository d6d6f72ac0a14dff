package profcon.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import profcon.attach.AgentClient;
import profcon.attach.AgentException;
import profcon.agent.jfr.Recipes;
import profcon.attach.AttachedJvm;
import profcon.attach.SessionDirectory;
import profcon.engine.NativeLibrary;
import profcon.engine.NativeProfile;

/**
 * profcon's overhead on a live service ({@link ServiceWorkload}): windows without and with a
 * profile running at default settings alternate (off/on, then on/off, so drift cancels), per
 * profile kind (and {@code cpu-native}/{@code wall-native}: the same kinds by async-profiler; {@code sched}: the agent's
 * part of a sched window once a second; {@code trace}: whole trace windows), in one run; throughput and p99 come from inside the target. Kinds the agent does
 * not know ("unknown profile kind") are reported as skipped, so a new kind is one word in
 * {@code --kinds}; a kind may carry the agent's options after colons ({@code lock:threshold=1ms:period=1s}),
 * to measure what a setting costs. Run by {@code scripts/bench-overhead.sh}; not a test.
 *
 * <p>Options: {@code --kinds=cpu,cpu-native,lock,alloc,block,wall,wall-native --window=10 --rounds=4 --warmup=15},
 * {@code --java=JAVA_HOME} of the target, {@code --io=socket|park} (the service's I/O: a round trip
 * to {@link Backend}, run in this process, or a bare {@code parkNanos}), and workload options
 * passed on ({@code --workers=4 ...}).
 */
public final class OverheadBench {
    /** Per-profile-kind goals from the "Do no harm" issue: largest acceptable throughput loss. */
    private static final java.util.Map<String, Double> GOALS = java.util.Map.of("cpu", 0.02, "cpu-native", 0.02, "lock", 0.02,
            "alloc", 0.05, "block", 0.05);
    private static final String NATIVE = "-native";
    /** Not a profile: the agent's part of a {@code sched} window (thread-ids and the grouped dump), once a second. */
    private static final String SCHED = "sched";
    /** Not a profile: a whole {@code trace} window (the agent's recording, the console's sched readings every 100 ms). */
    private static final String TRACE = "trace";
    private final List<long[]> stats = new CopyOnWriteArrayList<>(); // {epochMillis, ops, p99Micros, cpuNanos in that second}
    private long lastCpuNanos = -1;

    public static void main(String[] argv) throws Exception {
        new OverheadBench().run(Options.parse(argv));
    }

    private void run(Options o) throws Exception {
        System.out.printf(Locale.ROOT, "profcon overhead benchmark: %d cores, load average %s; kinds %s, %d rounds "
                + "of %d s off + %d s on, after %d s warm-up%n", Runtime.getRuntime().availableProcessors(),
                loadAverage(), o.kinds, o.rounds, o.window, o.window, o.warmup);
        Backend backend = o.socketIo ? Backend.start(o.ioMicros()) : null;
        Process target = startTarget(o, backend);
        try (AttachedJvm jvm = AttachedJvm.attach(target.pid())) {
            System.out.printf(Locale.ROOT, "target %d: ServiceWorkload %s; I/O: %s%n", target.pid(),
                    o.workload.isEmpty() ? "(defaults: --workers=4 --clients=8 --cpu-iterations=20000 --io-micros=200)"
                            : String.join(" ", o.workload),
                    o.socketIo ? "loopback round trip to a backend in the benchmark's process" : "parkNanos");
            Thread.sleep(o.warmup * 1_000L); // JIT warm-up of the workload: a fixed length by design
            warmProfiler(jvm.client(), o);
            System.out.println("kind   off ops/s    on ops/s  throughput  (95% CI)           off p99    on p99  p99 ratio"
                    + "  agent CPU  CPU/op off on  change  goal");
            for (String kind : o.kinds) {
                measure(jvm, kind, o);
            }
        } finally {
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            if (backend != null) {
                backend.close();
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    }

    private void measure(AttachedJvm jvm, String kind, Options o) throws Exception {
        AgentClient agent = jvm.client();
        List<Window> off = new ArrayList<>();
        List<Window> on = new ArrayList<>();
        long agentCpuBefore = agentCpuNanos(agent);
        for (int round = 0; round < o.rounds; round++) {
            boolean onFirst = round % 2 == 1;
            for (int half = 0; half < 2; half++) {
                boolean profiling = (half == 0) == onFirst;
                if (kind.equals(SCHED)) {
                    (profiling ? on : off).add(profiling ? schedWindow(agent, o.window) : window(o.window));
                    continue;
                }
                if (kind.equals(TRACE)) {
                    (profiling ? on : off).add(profiling ? traceWindow(jvm, o.window) : window(o.window));
                    continue;
                }
                NativeProfile nativeProfile = profiling && kind.endsWith(NATIVE) ? nativeProfile(jvm, kind, o) : null;
                if (nativeProfile != null) {
                    nativeProfile.start();
                } else if (profiling) {
                    try {
                        agent.call("start " + kind.replace(':', ' '));
                    } catch (AgentException e) {
                        if (e.getMessage().contains("unknown profile kind")) {
                            System.out.printf(Locale.ROOT, "%-6s skipped: the agent has no such kind%n", kind);
                            return;
                        }
                        throw e;
                    }
                }
                Window w = window(o.window);
                if (nativeProfile != null) {
                    nativeProfile.stop(); // read and converted in this process, not in the target
                    on.add(w);
                } else if (profiling) {
                    agent.call("stop");
                    on.add(w);
                } else {
                    off.add(w);
                }
            }
        }
        double agentCpu = (agentCpuNanos(agent) - agentCpuBefore) / (o.rounds * o.window * 1e9);
        print(kind, off, on, agentCpu);
    }

    /**
     * One unmeasured profile of the first agent kind before any window: the target's first JFR stream warms
     * JFR's parser and the agent's code, which cost the first kind measured about 4 points of a core more
     * agent CPU than the same kind later (docs/virtual-threads.md), whatever that kind was.
     */
    private static void warmProfiler(AgentClient agent, Options o) throws IOException, InterruptedException {
        for (String kind : o.kinds) {
            if (!kind.endsWith(NATIVE) && !kind.equals(SCHED)) {
                try {
                    agent.call("start " + kind.replace(':', ' '));
                } catch (AgentException e) {
                    continue; // an unknown kind: measure() reports it skipped
                }
                Thread.sleep(o.window * 1_000L); // as long as a measured window, by design
                agent.call("stop");
                return;
            }
        }
    }

    /** {@code cpu-native}: the cpu (or wall) profile made by async-profiler, as the console's native engine runs it. */
    private static NativeProfile nativeProfile(AttachedJvm jvm, String kind, Options o) throws IOException {
        Path library = NativeLibrary.forThisPlatform().orElseThrow().install(SessionDirectory.base().resolve("native"));
        String base = kind.substring(0, kind.length() - NATIVE.length());
        return NativeProfile.of(jvm.pid(), library, jvm.directory(), base,
                Recipes.named(base).defaults(), Duration.ofSeconds(o.window + 5L),
                NativeProfile.TargetAgent.NONE);
    }

    /** CPU time the agent's own threads have used (JFR's threads in the JVM are not included). */
    private static long agentCpuNanos(AgentClient agent) throws IOException {
        for (String line : agent.call("info").message().split("\n")) {
            if (line.startsWith("agent_cpu_ns=")) {
                return Long.parseLong(line.substring("agent_cpu_ns=".length()));
            }
        }
        return 0;
    }

    /**
     * One window's figures, from the target's per-second lines; its first second is a transition and is left out.
     * {@code cpuMicrosPerOp}: the target's CPU (all its threads) per request, the profiler's cost that a loaded
     * machine hides least (throughput there depends on what the other processes take).
     */
    private record Window(double opsPerSecond, double p99Micros, double cpuMicrosPerOp) {
    }

    private Window window(int seconds) throws InterruptedException {
        long start = System.currentTimeMillis();
        Thread.sleep(seconds * 1_000L); // the window's length: what is measured, not a wait for a condition
        return between(start, System.currentTimeMillis());
    }

    /**
     * A window with the agent's requests of one {@code sched} (thread-ids, then the grouped dump for
     * the run-queue profile's stacks) every second: back-to-back {@code sched 1s}, the most a user
     * or a recording taking sched snapshots would ask of the target.
     */
    private Window schedWindow(AgentClient agent, int seconds) throws IOException, InterruptedException {
        long start = System.currentTimeMillis();
        for (int s = 1; s <= seconds; s++) {
            agent.call("thread-ids");
            agent.call("threads");
            // the pace of one sched a second, by design: not a wait for a condition
            Thread.sleep(Math.max(0, start + s * 1_000L - System.currentTimeMillis()));
        }
        return between(start, System.currentTimeMillis());
    }

    /** A window traced as {@code trace} does it, into a file deleted afterwards; its size is printed. */
    private Window traceWindow(AttachedJvm jvm, int seconds) throws IOException {
        long start = System.currentTimeMillis();
        Path file = Files.createTempFile("profcon-bench-trace", ".jfr");
        try {
            new profcon.trace.TraceCollection(jvm.pid(), jvm.channel(), 0).record(Duration.ofSeconds(seconds), file,
                    Thread::sleep);
            System.out.printf(Locale.ROOT, "trace   file %,d KB for %d s%n", Files.size(file) >> 10, seconds);
        } finally {
            Files.deleteIfExists(file);
        }
        return between(start, System.currentTimeMillis());
    }

    private Window between(long start, long end) {
        long ops = 0;
        double p99 = 0;
        long cpu = 0;
        int n = 0;
        for (long[] s : stats) {
            if (s[0] > start + 1_000 && s[0] <= end) {
                ops += s[1];
                p99 += s[2];
                cpu += s[3];
                n++;
            }
        }
        return n == 0 || ops == 0 ? new Window(0, 0, 0) : new Window((double) ops / n, p99 / n, cpu / 1e3 / ops);
    }

    private static void print(String kind, List<Window> off, List<Window> on, double agentCpu) {
        double offOps = off.stream().mapToDouble(Window::opsPerSecond).average().orElse(0);
        double onOps = on.stream().mapToDouble(Window::opsPerSecond).average().orElse(0);
        double offP99 = off.stream().mapToDouble(Window::p99Micros).average().orElse(0);
        double onP99 = on.stream().mapToDouble(Window::p99Micros).average().orElse(0);
        double offCpu = off.stream().mapToDouble(Window::cpuMicrosPerOp).average().orElse(0);
        double onCpu = on.stream().mapToDouble(Window::cpuMicrosPerOp).average().orElse(0);
        // Each round pairs an off and an on window; the spread of the per-round ratios gives the interval.
        double[] perRound = new double[on.size()];
        for (int i = 0; i < on.size(); i++) {
            perRound[i] = on.get(i).opsPerSecond() / off.get(i).opsPerSecond() - 1;
        }
        double mean = Arrays.stream(perRound).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(perRound).map(r -> (r - mean) * (r - mean)).sum()
                / Math.max(1, perRound.length - 1));
        double half = 2 * sd / Math.sqrt(perRound.length);
        Double goal = GOALS.get(kind.split(":")[0]);
        System.out.printf(Locale.ROOT,
                "%-6s %11.0f %11.0f  %9.1f%%  (%+5.1f%%..%+5.1f%%)  %8.0fus %7.0fus  %8.2fx  %8.2f%%  %5.1f %5.1fus %+6.1f%%  %s%n",
                kind, offOps, onOps, 100 * (onOps / offOps - 1), 100 * (mean - half), 100 * (mean + half), offP99,
                onP99, onP99 / offP99, 100 * agentCpu, offCpu, onCpu, 100 * (onCpu / offCpu - 1),
                goal == null ? "-" : String.format(Locale.ROOT, "loss < %.0f%%", goal * 100));
    }

    private Process startTarget(Options o, Backend backend) throws Exception {
        // The workload's own classes only: a real target has none of profcon's on its class path.
        String classPath = Path.of(ServiceWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> command = new ArrayList<>(List.of(Path.of(o.java, "bin", "java").toString(), "-Xmx256m", "-cp",
                classPath, ServiceWorkload.class.getName()));
        command.addAll(o.workload);
        if (backend != null) {
            command.add("--backend-port=" + backend.port());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(p, ready), "bench-target-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.get(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the workload exited before READY");
        }
        return p;
    }

    private void read(Process p, CompletableFuture<Boolean> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("READY")) {
                    ready.complete(true);
                } else if (line.startsWith("STAT ")) {
                    String[] f = line.split(" ");
                    stats.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), cpuDelta(f)});
                } else if (!line.isBlank()) {
                    System.out.println("target: " + line);
                }
            }
        } catch (IOException e) {
            // the target ended
        }
        ready.complete(false);
    }

    /** The target's CPU time in the second a STAT line closes (0 for the first line). */
    private long cpuDelta(String[] f) {
        long cpu = Long.parseLong(f[4]);
        long delta = lastCpuNanos < 0 ? 0 : cpu - lastCpuNanos;
        lastCpuNanos = cpu;
        return delta;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private record Options(List<String> kinds, int window, int rounds, int warmup, String java, boolean socketIo,
                           List<String> workload) {
        int ioMicros() {
            for (String w : workload) {
                if (w.startsWith("--io-micros=")) {
                    return Integer.parseInt(w.substring("--io-micros=".length()));
                }
            }
            return 200;
        }

        static Options parse(String[] argv) {
            List<String> kinds = List.of("cpu", "cpu-native", "lock", "alloc", "block", "wall", "wall-native");
            int window = 10;
            int rounds = 4;
            int warmup = 15;
            String java = System.getProperty("java.home");
            boolean socketIo = true;
            List<String> workload = new ArrayList<>();
            for (String a : argv) {
                String value = a.substring(a.indexOf('=') + 1);
                if (a.startsWith("--kinds=")) {
                    kinds = List.of(value.split(","));
                } else if (a.startsWith("--window=")) {
                    window = Integer.parseInt(value);
                } else if (a.startsWith("--rounds=")) {
                    rounds = Integer.parseInt(value);
                } else if (a.startsWith("--warmup=")) {
                    warmup = Integer.parseInt(value);
                } else if (a.startsWith("--java=")) {
                    java = value;
                } else if (a.startsWith("--io=")) {
                    if (!value.equals("socket") && !value.equals("park")) {
                        throw new IllegalArgumentException("--io is socket or park, got " + value);
                    }
                    socketIo = value.equals("socket");
                } else {
                    workload.add(a);
                }
            }
            return new Options(kinds, window, rounds, warmup, java, socketIo, workload);
        }
    }
}
