package profcon.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target JVM under test: started with its output captured, awaited until it prints
 * {@code READY <pid>}, and destroyed with its descendants on {@link #close()}.
 *
 * <p>stdout and stderr are drained by named daemon threads, so a chatty target never blocks on a
 * full pipe; the last {@value #TAIL_LINES} lines of each are kept for failure messages.
 */
final class TargetProcess implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 50;
    private static final Pattern READY = Pattern.compile("READY (\\d+)");

    private final String name;
    private final Process process;
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private final Deque<String> stdoutTail = new ArrayDeque<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final AtomicLong stdoutLines = new AtomicLong();
    private final List<Thread> drains = new ArrayList<>();
    private volatile String firstStdoutLine;

    private TargetProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts a demo target class on the JDK 17 named by {@code profcon.jdk17}. */
    static TargetProcess startDemo(String simpleClassName, String... args) {
        return startJava(jdk17(), classes(), List.of(), "profcon.demo." + simpleClassName, args);
    }

    /** Starts {@code mainClass} from {@code classpath} on the JDK at {@code javaHome}. */
    static TargetProcess startJava(Path javaHome, String classpath, List<String> jvmOptions, String mainClass,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return start(mainClass.substring(mainClass.lastIndexOf('.') + 1) + " " + String.join(" ", args), command);
    }

    /** Starts any command; {@code name} appears in thread names and failure messages. */
    static TargetProcess start(String name, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        TargetProcess target = new TargetProcess(name, process);
        target.drain("stdout", process.getInputStream(), target::onStdout);
        target.drain("stderr", process.getErrorStream(), line -> remember(target.stderrTail, line));
        return target;
    }

    static Path jdk17() {
        return Path.of(System.getProperty("profcon.jdk17", "/usr/lib/jvm/java-17-openjdk-amd64"));
    }

    /** The class path of this module's targets and their dependencies; tests run in the module directory. */
    static String classes() {
        Path classes = Path.of("target/classes").toAbsolutePath();
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no " + classes + ": run the tests through Maven");
        }
        // The module's classes plus its dependencies (the labels API), as Maven put them on this JVM's path.
        return System.getProperty("java.class.path");
    }

    /** Waits for the ready line and returns this; fails with the target's output if it never comes. */
    TargetProcess awaitReady() {
        try {
            long announced = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (announced != process.pid()) {
                throw new AssertionError(name + " announced pid " + announced + " but runs as " + process.pid());
            }
            return this;
        } catch (TimeoutException e) {
            throw new AssertionError("no READY line from " + name + " within " + READY_TIMEOUT + describe());
        } catch (ExecutionException e) {
            awaitQuietly(GRACE);
            throw new AssertionError(name + " ended before its READY line" + describe(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name);
        }
    }

    private void awaitQuietly(Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the target to end by itself and its output to be read; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + describe());
        }
        for (Thread drain : drains) {
            drain.join(GRACE.toMillis()); // ends at end of stream, right after the process
        }
        return process.exitValue();
    }

    long stdoutLines() {
        return stdoutLines.get();
    }

    String firstStdoutLine() {
        return firstStdoutLine;
    }

    String stderr() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    /** The target's name, state and output tails, for assertion messages. */
    String describe() {
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        synchronized (stdoutTail) {
            synchronized (stderrTail) {
                return "\n--- " + name + " (pid " + process.pid() + ", " + state + ") stdout tail:\n"
                        + String.join("\n", stdoutTail) + "\n--- stderr tail:\n" + String.join("\n", stderrTail);
            }
        }
    }

    /** Ends the target (politely, then forcibly after a grace period) and waits until it is gone. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void onStdout(String line) {
        if (stdoutLines.getAndIncrement() == 0) {
            firstStdoutLine = line;
        }
        remember(stdoutTail, line);
        Matcher m = READY.matcher(line);
        if (!ready.isDone() && m.matches()) {
            ready.complete(Long.parseLong(m.group(1)));
        }
    }

    private static void remember(Deque<String> tail, String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    private void drain(String stream, InputStream in, Consumer<String> sink) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                remember(stderrTail, "[" + stream + " unreadable: " + e + "]");
            } finally {
                if ("stdout".equals(stream)) {
                    ready.completeExceptionally(new IllegalStateException(name + " closed stdout"));
                }
            }
        }, "target-" + stream + "-" + process.pid());
        reader.setDaemon(true);
        drains.add(reader);
        reader.start();
    }
}
