package profcon.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads a target's thread names from outside, with the target's own jcmd. */
final class TargetThreads {
    private TargetThreads() {
    }

    /** The target's thread dump (Thread.print); fine in tests, where a short pause harms nobody. */
    static String dump(String javaHome, long pid) throws IOException, InterruptedException {
        return jcmd(javaHome, pid, "Thread.print");
    }

    /** Runs one jcmd command against the target and returns its output. */
    static String jcmd(String javaHome, long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(javaHome, "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Waits (up to 15 s) until no thread named profcon-* is left in the target; returns the last dump. */
    static String awaitNoProfconThreads(String javaHome, long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String dump = dump(javaHome, pid);
        while (dump.contains("\"profcon-") && System.nanoTime() < deadline) {
            Thread.sleep(200); // the agent's threads end asynchronously after detach; poll the condition
            dump = dump(javaHome, pid);
        }
        return dump;
    }
}
