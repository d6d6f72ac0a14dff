package profcon.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the built-in demo target ({@code profcon.demo.Demo}, a hot method and a contended lock)
 * as a child JVM on profcon's own Java and class path, and waits for its ready line.
 */
public final class DemoTarget {
    public static final String MAIN_CLASS = "profcon.demo.Demo";

    private DemoTarget() {
    }

    /** The demo's process and its JVM's pid (read from its READY line, which stays right through setsid). */
    public record Started(Process process, long pid) {
    }

    /** Starts the demo and returns once it has printed its {@code READY} line. */
    public static Started start() throws CommandException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>();
        // Its own session, so the Ctrl-C typed to stop a profile reaches the console, not the demo.
        if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(javaBin, "-XX:+EnableDynamicAgentLoading", "-cp", System.getProperty("java.class.path"),
                MAIN_CLASS));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new CommandException("cannot start the demo target: " + e.getMessage());
        }
        try {
            return new Started(process, awaitReady(process));
        } catch (CommandException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static long awaitReady(Process process) throws CommandException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("READY")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = ready.get(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new CommandException("the demo target exited before it was ready (is " + MAIN_CLASS
                        + " on profcon's class path?)");
            }
        } catch (TimeoutException | ExecutionException e) {
            throw new CommandException("the demo target did not get ready within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while starting the demo target");
        }
        drain(process);
        String[] words = line.trim().split("\\s+");
        return words.length > 1 ? Long.parseLong(words[1]) : process.pid();
    }

    // The demo keeps printing nothing after READY, but its pipe must not fill if it ever does.
    private static void drain(Process process) {
        Thread t = new Thread(() -> {
            try {
                process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the demo exited
            }
        }, "profcon-demo-output");
        t.setDaemon(true);
        t.start();
    }
}
