package profcon.console.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import profcon.console.ConsoleRun;
import profcon.console.TargetJvm;
import profcon.pprof.PprofReader;

/**
 * The casebook from .jfr files made with plain jcmd (no agent): the same recipes read the file,
 * so the same culprits must come out as from a live target.
 */
class JfrRecordingIT {
    private static final Path JFC = Path.of("..", "scripts", "jfr", "profcon-concurrency.jfc").toAbsolutePath();
    private static final long WINDOW_MS = 5_000;

    @TempDir
    Path tmp;

    /** A case read from a recording: the target, the kind to load, the culprit {@code top1} names, the check. */
    record FileCase(String mainClass, String kind, String culprit, CasebookIT.Check check) {
        @Override
        public String toString() {
            return mainClass.substring(mainClass.lastIndexOf('.') + 1) + " as " + kind;
        }
    }

    static Stream<FileCase> cases() {
        return Stream.of(
                new FileCase("profcon.demo.MysterySlowdown", "lock", "Metrics.record", CasebookIT::mystery),
                new FileCase("profcon.demo.ThroughputWall", "block", "SynchronousQueue.put", CasebookIT::wall),
                new FileCase("profcon.demo.ReaderStarvation", "lock", "ReadLock.lock", CasebookIT::readers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recordingNamesTheSameCulprit(FileCase c) throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        Path recording = tmp.resolve("recording.jfr");
        try (TargetJvm target = TargetJvm.start(home, c.mainClass())) {
            record(home, target.pid(), recording);
        }
        Path saved = tmp.resolve("from-file.pb.gz");
        ConsoleRun run = ConsoleRun.of(recording.toString(), "-c",
                "load " + recording + " " + c.kind() + "; top5; expect top1 " + c.culprit() + "; save " + saved);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // What the file holds depends on the target (an idle one may have no CPU samples); the kind asked for is there.
        assertThat(run.err()).contains(recording + " holds ").containsPattern("[ ,]" + c.kind() + " \\([0-9,]+")
                .containsPattern("showing (cpu|" + c.kind() + ")");
        c.check().verify(List.of(PprofReader.read(saved)), null);
    }

    @Test
    void truncatedRecordingIsOneClearLine() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        Path recording = tmp.resolve("recording.jfr");
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.MysterySlowdown")) {
            record(home, target.pid(), recording);
        }
        byte[] whole = Files.readAllBytes(recording);
        Path truncated = tmp.resolve("truncated.jfr");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        ConsoleRun run = ConsoleRun.of(truncated.toString(), "-c", "top5");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).contains("corrupt or truncated").doesNotContain("\n").doesNotContain("\tat ");

        ConsoleRun wall = ConsoleRun.of(recording.toString(), "-c", "load " + recording + " wall");
        assertThat(wall.exitCode()).isEqualTo(1);
        assertThat(wall.err()).contains("a .jfr file has no wall-clock samples");
    }

    /** Records the target for the window with jcmd and the project's .jfc, as an operator would. */
    private static void record(String home, long pid, Path file) throws IOException, InterruptedException {
        jcmd(home, pid, "JFR.start", "name=casebook", "settings=" + JFC);
        Thread.sleep(WINDOW_MS); // the recording window itself, not a wait for a process
        jcmd(home, pid, "JFR.dump", "name=casebook", "filename=" + file.toAbsolutePath());
        jcmd(home, pid, "JFR.stop", "name=casebook");
        assertThat(file).exists();
    }

    private static void jcmd(String home, long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(home, "bin", "jcmd").toString(),
                Long.toString(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }
}
