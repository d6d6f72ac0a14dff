package profcon.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.attach.AttachedJvm;
import profcon.console.Commands;
import profcon.console.ConsoleRun;
import profcon.console.Dispatcher;
import profcon.console.ExitCode;
import profcon.console.Session;
import profcon.console.Target;
import profcon.console.TargetJvm;

/**
 * Every command and flag fed nonsense, against a live target: one clear line each, and the
 * console goes on (it still profiles and reports afterwards). Scripts fail with exit 1.
 */
class BadInputEverywhereIT {
    @TempDir
    Path tmp;

    private List<String> badLines() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("a-directory"));
        List<String> lines = new ArrayList<>(List.of(
                "profile cpu -5s", "profile cpu 99999999h", "profile cpu 0s", "profile cpu abc", "profile cpu",
                "profile", "profile nosuchkind 5s", "profile cpu 1s period=0ms", "profile cpu 1s period=abc",
                "profile cpu 1s maxsamples=abc", "profile cpu 1s max=99h", "profile cpu 1s nonsense",
                "profile cpu 1s " + "x".repeat(10_000),
                "top 99999999999999999999",
                "nodecount=abc", "nodecount=99999999999999999999", "nodefraction=abc", "granularity=atoms", "sort=sideways", "nosuchsetting=1",
                "save /proc/x", "save /", "save " + dir, "save /nonexistent/dir/x.pb.gz", "save", "save a b",
                "load /", "load " + dir, "load /nonexistent", "load /proc/self/status", "load",
                "top >", "top >/proc/x", "top >" + dir, "list", "list [", "peek (", "traces (",
                "nosuchcommand", "tpo", "x".repeat(10_000), "top " + "9".repeat(10_000), "\"unterminated",
                "expect nosuchtext-anywhere", "help nosuchcommand"));
        return lines;
    }

    @Test
    void everyBadLineGetsOneLineAndTheConsoleGoesOn() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Session session = new Session(new PrintWriter(out, true), new PrintWriter(err, true), false, false);
        Dispatcher console = new Dispatcher(Commands.registry());
        try (TargetJvm target = Targets.demo(home)) {
            session.target(new Target(AttachedJvm.attach(target.pid()), null));
            assertThat(console.execute("profile cpu 2s", session)).as(err.toString()).isTrue();
            List<String> accepted = new ArrayList<>();
            for (String line : badLines()) {
                err.getBuffer().setLength(0);
                if (console.execute(line, session)) {
                    accepted.add(line);
                    continue;
                }
                String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
                assertThat(err.toString().strip().lines()).as("error for '%s'", shown).hasSize(1);
                assertThat(err.toString()).as("error for '%s'", shown).doesNotContain("\tat ")
                        .doesNotContain("internal error").doesNotContain("Exception");
                assertThat(err.toString().length()).as("error for '%s' is short", shown).isLessThan(400);
            }
            assertThat(accepted).as("bad lines that were accepted").isEmpty();

            // pprof's own syntax, not errors: a word after top is a focus regex, -word an ignore regex.
            for (String line : List.of("top -1", "top abc", "top -cum -flat -nosuch")) {
                assertThat(console.execute(line, session)).as(line).isTrue();
            }
            // As in pprof, a setting's value is checked when a report uses it: then one line, and ':' or a
            // good value puts things right.
            for (String[] setting : new String[][] {{"focus=[", ":"}, {"hide=(", ":"}}) {
                assertThat(console.execute(setting[0], session)).isTrue();
                err.getBuffer().setLength(0);
                assertThat(console.execute("top", session)).as("top after %s", setting[0]).isFalse();
                assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
                assertThat(err.toString()).doesNotContain("internal error").doesNotContain("\tat ");
                assertThat(console.execute(setting[1], session)).isTrue();
            }

            // sample_index is checked against the profile as soon as it is set.
            err.getBuffer().setLength(0);
            assertThat(console.execute("sample_index=nosuch", session)).isFalse();
            assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
            assertThat(err.toString()).contains("sample_index").doesNotContain("\tat ");

            out.getBuffer().setLength(0);
            assertThat(console.execute("profile cpu 2s", session)).as(err.toString()).isTrue();
            assertThat(console.execute("top 3", session)).as(err.toString()).isTrue();
            assertThat(out.toString()).contains("flat%");
            assertThat(target.isAlive()).isTrue();
        } finally {
            session.detach();
        }
    }

    @Test
    void badFlagsAndScriptsExitWithOneLine() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        assertOneLine(ConsoleRun.of("--no-such-option"), ExitCode.USAGE);
        assertOneLine(ConsoleRun.of("-c"), ExitCode.USAGE);
        assertOneLine(ConsoleRun.of("-f"), ExitCode.USAGE);
        assertOneLine(ConsoleRun.of("-f", "/nonexistent/runbook"), ExitCode.USAGE);
        assertOneLine(ConsoleRun.of("-f", dir.toString()), ExitCode.USAGE);
        assertOneLine(ConsoleRun.of("-c", "top", "-f", dir.toString()), ExitCode.USAGE);
        assertOneLine(ConsoleRun.of("99999999999999999999"), ExitCode.USAGE);
        assertOneLine(ConsoleRun.of("0", "-c", "top"), ExitCode.ATTACH_FAILED);
        assertOneLine(ConsoleRun.of("/", "-c", "top"), ExitCode.COMMAND_FAILED);
        assertOneLine(ConsoleRun.of(dir.toString(), "-c", "top"), ExitCode.COMMAND_FAILED);
        assertOneLine(ConsoleRun.of("x".repeat(10_000), "-c", "top"), ExitCode.COMMAND_FAILED);
        assertOneLine(ConsoleRun.of("a", "b"), ExitCode.USAGE);

        // In a script, a failing command prints its one line and the step that failed, and exits 1.
        ConsoleRun script = ConsoleRun.of("-c", "top -1");
        assertThat(script.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
        List<String> lines = script.err().strip().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("-c: command failed: top -1");
        assertThat(script.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static void assertOneLine(ConsoleRun run, int code) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
