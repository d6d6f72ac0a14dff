package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --push} and its options: the console command they become, and the command lines profcon refuses. */
class PushOptionsTest {
    @Test
    void pushOptionsBecomeTheRunbookCommand() throws Exception {
        CliArgs args = CliArgs.parse("4242", "--push", "http://pyroscope:4040", "--every=30s", "--kinds", "cpu,lock",
                "--service", "shop api", "--tenant", "team-a");
        assertThat(args.push().commandLine())
                .isEqualTo("push \"http://pyroscope:4040\" every=30s kinds=cpu,lock \"service=shop api\" \"tenant=team-a\"");
        assertThat(CommandLine.parse(args.push().commandLine()).args())
                .containsExactly("http://pyroscope:4040", "every=30s", "kinds=cpu,lock", "service=shop api", "tenant=team-a");
        assertThat(CliArgs.parse("1", "--push", "otlp+http://c:4318").push().commandLine())
                .isEqualTo("push \"otlp+http://c:4318\" every=60s kinds=cpu");
    }

    @Test
    void pushOptionsThatCannotRunAreUsageErrors() {
        assertUsage(ConsoleRun.of("--every", "10s", "1"), "--every, --kinds, --service and --tenant go with --push URL");
        assertUsage(ConsoleRun.of("1", "--push", "http://p:4040", "-c", "top"), "--push runs by itself");
        assertUsage(ConsoleRun.of("--push", "http://p:4040"), "--push needs a target");
    }

    @Test
    void helpListsThePushOptions() {
        assertThat(ConsoleRun.of("--help").out()).contains("--push=URL", "--every=DURATION", "--kinds=KINDS",
                "--service=NAME", "--tenant=ID", "PROFCON_PUSH_AUTH");
    }

    private static void assertUsage(ConsoleRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("profcon: " + message).endsWith("(see profcon --help)\n");
    }
}
