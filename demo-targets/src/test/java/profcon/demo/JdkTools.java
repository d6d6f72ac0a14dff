package profcon.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs the JDK's own command-line tools against a target, for checks from outside the JVM. */
final class JdkTools {
    private static final long TOOL_TIMEOUT_SECONDS = 60;
    private static final int DUMP_ATTEMPTS = 10;

    private JdkTools() {
    }

    /** {@code jstack <pid>} from the JDK 17 the targets run on. */
    static String jstack(long pid) {
        return run(TargetProcess.jdk17().resolve("bin/jstack").toString(), Long.toString(pid));
    }

    /**
     * Takes thread dumps until one satisfies {@code wanted} (a defect that comes and goes, like a
     * periodic writer, shows in some dumps only) and returns it; fails after a few attempts.
     */
    static String jstackUntil(TargetProcess target, String what, Predicate<String> wanted) {
        String dump = "";
        for (int attempt = 0; attempt < DUMP_ATTEMPTS; attempt++) {
            dump = jstack(target.pid());
            if (wanted.test(dump)) {
                return dump;
            }
        }
        throw new AssertionError("no thread dump of " + target.pid() + " in " + DUMP_ATTEMPTS + " showed "
                + what + "; last dump:\n" + dump + target.describe());
    }

    /** How many times {@code needle} occurs in {@code text}. */
    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command[0]);
        }
    }
}
