package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runbook mechanics on a saved profile: comments, echo, expect (with a command, and bare), failure lines. */
class RunbookScriptTest {
    @TempDir
    Path tmp;

    @Test
    void expectationsMetExitZero() throws Exception {
        Path runbook = tmp.resolve("ok.pfc");
        Files.writeString(runbook, String.join("\n",
                "# a comment line",
                "echo == cpu ==",
                "top3          # a trailing comment",
                "expect hotLoop",
                "expect 'Counter\\.increment'",
                "expect top1 Demo\\.hotLoop",
                ""));
        ConsoleRun run = ConsoleRun.of(GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString(), "-f", runbook.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("== cpu ==\n").contains("profcon.demo.Demo.hotLoop");
    }

    @Test
    void anUnmetExpectationFailsTheRunbookAndNamesTheLine() throws Exception {
        Path runbook = tmp.resolve("gate.pfc");
        Files.writeString(runbook, "top3\nexpect top1 Counter\\.increment\necho never printed\n");
        ConsoleRun run = ConsoleRun.of(GoPprofAgreementTest.fixture("demo-cpu.pb.gz").toString(), "-f", runbook.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.COMMAND_FAILED);
        assertThat(run.err()).contains("expectation failed: top1 does not show /Counter\\.increment/")
                .contains("gate.pfc:2: command failed");
        assertThat(run.out()).doesNotContain("never printed");
    }
}
