package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliArgsTest {
    @Test
    void readsEveryOptionInEachSpelling() throws Exception {
        CliArgs args = CliArgs.parse("4242", "-c", "top10", "--yes", "--json", "--debug", "-diff_base=a.pb.gz",
                "--base", "b.pb.gz");
        assertThat(args.target()).isEqualTo("4242");
        assertThat(args.commands()).isEqualTo("top10");
        assertThat(args.yes() && args.json() && args.debug()).isTrue();
        assertThat(args.diffBase()).isEqualTo("a.pb.gz");
        assertThat(args.base()).isEqualTo("b.pb.gz");
        assertThat(CliArgs.parse("--commands=top; peek x").commands()).isEqualTo("top; peek x");
        assertThat(CliArgs.parse("-ctop5").commands()).isEqualTo("top5");
        assertThat(CliArgs.parse("-f", "run.pfc").runbook()).isEqualTo(Path.of("run.pfc"));
        assertThat(CliArgs.parse("--", "-c").target()).isEqualTo("-c");
        assertThat(CliArgs.parse("-V").version()).isTrue();
        assertThat(CliArgs.parse("--help").help()).isTrue();
        assertThat(CliArgs.parse("--demo", "--list").demo()).isTrue();
    }

    @Test
    void aValueMayLookLikeAnOption() throws Exception {
        assertThat(CliArgs.parse("-c", "-h").commands()).isEqualTo("-h");
        assertThat(CliArgs.parse("-c", "top").help()).isFalse();
    }

    @Test
    void refusesWhatItCannotRunInPicocliWords() {
        assertThatThrownBy(() -> CliArgs.parse("--bogus")).hasMessage("Unknown option: '--bogus'");
        assertThatThrownBy(() -> CliArgs.parse("-c")).hasMessage("Missing required parameter for option '--commands' (CMDS)");
        assertThatThrownBy(() -> CliArgs.parse("1", "2")).hasMessage("Unmatched argument at index 1: '2'");
        assertThatThrownBy(() -> CliArgs.parse("--json=yes")).hasMessageContaining("'--json' should be specified without");
        assertThatThrownBy(() -> CliArgs.parse("-x")).isInstanceOf(CliArgs.UsageException.class);
    }

    @Test
    void helpAndVersionPrintAndSucceed() {
        ConsoleRun help = ConsoleRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: profcon [-hV]").contains("-c, --commands=CMDS", "Exit codes:");
        ConsoleRun version = ConsoleRun.of("-V");
        assertThat(version.out()).isEqualTo("profcon " + Main.VERSION + "\n");
        ConsoleRun bad = ConsoleRun.of("--bogus");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).isEqualTo("profcon: Unknown option: '--bogus' (see profcon --help)\n");
    }
}
