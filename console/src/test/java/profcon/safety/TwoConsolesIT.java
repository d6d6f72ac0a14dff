package profcon.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import profcon.attach.AttachedJvm;
import profcon.console.ConsoleRun;
import profcon.console.ExitCode;
import profcon.console.TargetJvm;
import profcon.model.Profile;
import profcon.pprof.PprofReader;

/** A second console on a target that has a session is turned away with one line; the first goes on. */
class TwoConsolesIT {
    @Test
    void secondConsoleIsToldWhoHasTheTarget() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        try (TargetJvm target = Targets.demo(home);
             AttachedJvm first = AttachedJvm.attach(target.pid())) {
            first.client().call("start cpu");

            ConsoleRun second = ConsoleRun.of(Long.toString(target.pid()), "-c", "profile cpu 1s; top");

            assertThat(second.exitCode()).isEqualTo(ExitCode.ATTACH_FAILED);
            assertThat(second.err().strip().lines()).hasSize(1);
            assertThat(second.err()).contains("target " + target.pid() + " already has a profcon session (console "
                    + ProcessHandle.current().pid() + " since ").contains("quit that console first")
                    .doesNotContain("\tat ").doesNotContain("Exception");

            assertThat(first.client().call("progress").message()).contains("running=true kind=cpu");
            Profile profile = PprofReader.parse(first.client().call("stop").payload(), "the first console's profile");
            assertThat(profile.samples()).isNotEmpty();
            assertThat(first.info()).containsKey("pid");
        }
    }
}
