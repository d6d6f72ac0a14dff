package profcon.attach;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import profcon.console.Main;

/**
 * One timed attach from a fresh console JVM, printed as {@code ms=N cpu_ms=C} (C: the process's CPU
 * over the attach and the detach, in 10 ms ticks): profcon's
 * ({@code AttachedJvm.attach}: agent jars, checks, loadAgent, the agent's start and connect-back)
 * or async-profiler's ({@code VirtualMachine.attach} and {@code loadAgentPath(lib, "start,event=cpu")}),
 * then a clean detach (async-profiler stopped). {@code scripts/bench-first-answer.sh} alternates the
 * two on one target and prints medians. Usage: {@code FirstAnswerBench [--warm] profcon PID} or
 * {@code FirstAnswerBench [--warm] async-profiler PID LIBASYNCPROFILER}; {@code --warm} first runs
 * profcon's {@code --version} in the same JVM (see {@link #warmUp}), so that only the attach is timed.
 */
public final class FirstAnswerBench {
    private FirstAnswerBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> words = new ArrayList<>(List.of(args));
        if (words.remove("--warm")) {
            warmUp();
        }
        long pid = Long.parseLong(words.get(1));
        Took took = switch (words.get(0)) {
            case "profcon" -> profcon(pid);
            case "async-profiler" -> asyncProfiler(pid, words.get(2));
            default -> throw new IllegalArgumentException("profcon or async-profiler, not " + words.get(0));
        };
        System.out.printf(Locale.ROOT, "ms=%.1f cpu_ms=%d%n", took.nanos() / 1e6, took.cpuMillis());
    }

    /** An attach's wall time, and its process CPU, which the machine's load changes less. */
    private record Took(long nanos, long cpuMillis) {
        static Took since(long startNanos, long startCpuMillis) throws IOException {
            return new Took(System.nanoTime() - startNanos, processCpuMillis() - startCpuMillis);
        }
    }

    /** User and system CPU of this process, all threads, from {@code /proc/self/stat} (clock ticks of 10 ms). */
    private static long processCpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // utime, stime: fields 14, 15
    }

    /**
     * What a console has done by the time it attaches, and a launcher of a few lines has not: parse
     * its command line (picocli), which also first uses lambdas, string concatenation, regular
     * expressions and formatting. Without it the attach row would time the JDK's first use of them.
     */
    private static void warmUp() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        if (Main.run(nowhere, nowhere, "--version") != 0) {
            throw new IllegalStateException("profcon --version failed");
        }
    }

    private static Took profcon(long pid) throws Exception {
        long cpu = processCpuMillis();
        long start = System.nanoTime();
        AttachedJvm jvm = AttachedJvm.attach(pid);
        Took took = Took.since(start, cpu);
        jvm.close();
        return took;
    }

    private static Took asyncProfiler(long pid, String library) throws Exception {
        long cpu = processCpuMillis();
        long start = System.nanoTime();
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        vm.loadAgentPath(library, "start,event=cpu");
        Took took = Took.since(start, cpu);
        vm.loadAgentPath(library, "stop");
        vm.detach();
        return took;
    }
}
