package profcon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.TargetJvm;
import profcon.model.Profile;

/** The runbook API does what the console does: attach, profile, reports as text, the profile as data, save. */
class ProfconApiIT {
    @TempDir
    Path tmp;

    @Test
    void profileReportSaveAndReopen() throws Exception {
        String home = TargetJvm.jdk("profcon.jdk17");
        Path file = tmp.resolve("cpu.pb.gz");
        String liveTop;
        try (TargetJvm target = TargetJvm.start(home, "profcon.demo.Demo");
             Profcon p = Profcon.attach(target.pid())) {
            Profile profile = p.profile("cpu", Duration.ofSeconds(3));
            assertThat(profile.total(0)).isPositive();
            liveTop = p.run("top3");
            assertThat(liveTop).contains("profcon.demo.Demo.");
            assertThatThrownBy(() -> p.run("list NoSuchFunctionAnywhere"))
                    .isInstanceOf(Profcon.ProfconException.class).hasMessageContaining("NoSuchFunctionAnywhere");
            p.save(file);
        }
        try (Profcon saved = Profcon.open(file)) {
            assertThat(saved.current().total(0)).isPositive();
            assertThat(saved.run("top3")).isEqualTo(liveTop);
        }
    }
}
