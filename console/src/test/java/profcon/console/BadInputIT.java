package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.leakcheck.CheckThreadLeaks;

/** Every bad input gets one clear line, the right exit code, and no stack trace. */
@CheckThreadLeaks
class BadInputIT {
    @TempDir
    Path tmp;

    @Test
    void pidWithNoProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        ConsoleRun run = ConsoleRun.of(Long.toString(gone.pid()), "-c", "top");
        assertOneLineError(run, ExitCode.ATTACH_FAILED, "no process with pid " + gone.pid());
    }

    @Test
    void pidThatIsNotAJvmIsLeftAlone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            ConsoleRun run = ConsoleRun.of(Long.toString(sleeper.pid()), "-c", "top");
            assertOneLineError(run, ExitCode.ATTACH_FAILED, "is not a Java process");
            assertThat(sleeper.isAlive()).as("attach must not send SIGQUIT to a non-JVM").isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void targetThatRefusesAgents() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, List.of("-XX:-EnableDynamicAgentLoading"), "profcon.demo.Demo")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "top");
            assertOneLineError(run, ExitCode.ATTACH_FAILED, "-XX:+EnableDynamicAgentLoading");
        }
    }

    @Test
    void targetWithAttachDisabled() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = TargetJvm.start(home, List.of("-XX:+DisableAttachMechanism"), "profcon.demo.Demo")) {
            ConsoleRun run = ConsoleRun.of(Long.toString(target.pid()), "-c", "top");
            assertOneLineError(run, ExitCode.ATTACH_FAILED, "does not accept attach");
        }
    }

    @Test
    void corruptProfile() throws Exception {
        Path file = tmp.resolve("corrupt.pb.gz");
        Files.writeString(file, "this is not a profile at all");
        assertOneLineError(ConsoleRun.of(file.toString(), "-c", "top"), ExitCode.COMMAND_FAILED, "not a pprof profile");
    }

    @Test
    void truncatedGzip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(new byte[4096]);
        }
        Path file = tmp.resolve("truncated.pb.gz");
        Files.write(file, java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
        assertOneLineError(ConsoleRun.of(file.toString(), "-c", "top"), ExitCode.COMMAND_FAILED, "truncated gzip");
    }

    @Test
    void missingProfileFile() {
        assertOneLineError(ConsoleRun.of(tmp.resolve("nope.pb.gz").toString(), "-c", "top"),
                ExitCode.COMMAND_FAILED, "no such file");
    }

    @Test
    void unknownOption() {
        assertOneLineError(ConsoleRun.of("--no-such-option"), ExitCode.USAGE, "Unknown option");
    }

    @Test
    void unknownCommandInScriptFailsTheScript() {
        ConsoleRun run = ConsoleRun.of("-c", "tpo");
        assertThat(run.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
        assertThat(run.err()).contains("unknown command 'tpo' (did you mean 'top'?)").doesNotContain("\tat ");
    }

    private static void assertOneLineError(ConsoleRun run, int code, String text) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
        assertThat(run.err()).contains(text).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
