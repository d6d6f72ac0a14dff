package profcon.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real target JVM for integration tests: started on a chosen JDK with the test class path,
 * ready once it prints {@code READY <pid>}, destroyed (with its children) on close.
 */
public final class TargetJvm implements AutoCloseable {
    private static final long READY_TIMEOUT_S = 60;
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private TargetJvm(Process process) {
        this.process = process;
    }

    /** The JDK home named by system property {@code profcon.jdk17}/{@code profcon.jdk25}; skips the test if absent. */
    public static String jdk(String property) {
        String home = System.getProperty(property, "");
        Assumptions.assumeTrue(!home.isEmpty() && Files.isExecutable(Path.of(home, "bin", "java")),
                "no JDK at " + property + "=" + home + ": skipping");
        return home;
    }

    public static TargetJvm start(String javaHome, List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        return startOnClassPath(javaHome, jvmOptions, System.getProperty("java.class.path"), mainClass, args);
    }

    /**
     * Starts a target on {@code classPath} only: with the test class path, profcon's own agent
     * classes would be on the target's class path, which a real target never has.
     */
    public static TargetJvm startOnClassPath(String javaHome, List<String> jvmOptions, String classPath,
                                             String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        TargetJvm target = new TargetJvm(p);
        target.awaitReady(String.join(" ", command));
        return target;
    }

    public static TargetJvm start(String javaHome, String mainClass, String... args)
            throws IOException, InterruptedException {
        return start(javaHome, List.of(), mainClass, args);
    }

    private void awaitReady(String command) throws InterruptedException {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.startsWith("READY")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.complete(false);
        }, "target-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(READY_TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("target exited before READY: " + command + "\n" + output);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            close();
            throw new IllegalStateException("target not READY within " + READY_TIMEOUT_S + " s: " + command + "\n"
                    + output, e);
        }
    }

    /** The demo targets' classes alone, from the test class path: what a demo target really runs with. */
    public static String demoClassPath() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("demo-targets")) {
                return entry;
            }
        }
        throw new IllegalStateException("no demo-targets entry on " + System.getProperty("java.class.path"));
    }

    /**
     * Pins every thread of the target to the CPUs listed ({@code taskset -a -cp}), so a test can make
     * it oversubscribe a CPU on a machine of any size.
     */
    public void pinTo(String cpus) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-cp", cpus, Long.toString(pid())).redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("taskset -a -cp " + cpus + " " + pid() + " failed: " + said.strip());
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
