package profcon.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import profcon.agent.protocol.Request;
import profcon.console.TargetJvm;

/**
 * {@code jfr-init} starts JFR in a target whose JFR never ran, without starting a recording, and
 * answers before JFR is up; a detach right after it leaves no profcon thread. Thread names are read
 * from {@code /proc} (15 characters), so nothing is asked of the target that would start JFR itself.
 */
class JfrStartupIT {
    private static final long DEADLINE_NANOS = 60_000_000_000L;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profcon.jdk17", "profcon.jdk25"})
    void initialisesJfrOnItsOwnThreadAndLeavesNothingAtDetach(String jdk) throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.jdk(jdk), "profcon.demo.Demo", "--threads=1")) {
            try (AttachedJvm jvm = AttachedJvm.attach(target.pid())) {
                assertThat(threadNames(target.pid())).as("JFR before jfr-init").noneMatch(n -> n.startsWith("JFR "));
                assertThat(jvm.channel().call(new Request.JfrInit()).what()).isEqualTo("jfr-init");
                assertThat(awaitThread(target.pid(), "JFR Recorder")).as("JFR's recorder thread").isTrue();
                assertThat(jvm.info().get("profiling")).as("no recording started").isEqualTo("none");
            }
            assertThat(awaitNoThread(target.pid(), "profcon-")).as("a profcon thread after detach").isTrue();
        }
    }

    private static boolean awaitThread(long pid, String prefix) throws IOException, InterruptedException {
        return await(pid, prefix, true);
    }

    private static boolean awaitNoThread(long pid, String prefix) throws IOException, InterruptedException {
        return await(pid, prefix, false);
    }

    /** Polls the target's thread names until one with {@code prefix} is there (or none is), up to the deadline. */
    private static boolean await(long pid, String prefix, boolean present) throws IOException, InterruptedException {
        long end = System.nanoTime() + DEADLINE_NANOS;
        while (System.nanoTime() < end) {
            if (threadNames(pid).stream().anyMatch(n -> n.startsWith(prefix)) == present) {
                return true;
            }
            Thread.sleep(50); // no event to wait on from outside the target: /proc is polled
        }
        return false;
    }

    private static List<String> threadNames(long pid) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.add(Files.readString(task.resolve("comm")).trim());
                } catch (IOException e) {
                    // a thread that ended meanwhile
                }
            }
        }
        return names;
    }
}
