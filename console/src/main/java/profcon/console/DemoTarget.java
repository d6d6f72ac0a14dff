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

    /** The started process, already past its {@code READY} line. */
    public static Process start() throws CommandException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:+EnableDynamicAgentLoading", "-cp",
                System.getProperty("java.class.path"), MAIN_CLASS));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new CommandException("cannot start the demo target: " + e.getMessage());
        }
        try {
            awaitReady(process);
            return process;
        } catch (CommandException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static void awaitReady(Process process) throws CommandException {
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
        try {
            if (ready.get(60, TimeUnit.SECONDS) == null) {
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
