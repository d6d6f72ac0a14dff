package profcon.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.LoadedProfile;
import profcon.model.Profile;
import profcon.model.ValueType;
import profcon.trace.Trace;

/** {@code web}'s default file: named after the profile, numbered, never over an earlier page. */
class FlameFileNamesTest {
    @TempDir
    Path dir;

    @Test
    void aSavedProfileNamesThePageAndNumbersCount() throws Exception {
        LoadedProfile loaded = new LoadedProfile(profile(), "/data/runs/demo-cpu.pb.gz", false);
        assertThat(FlameFileNames.next(loaded, dir)).isEqualTo(dir.resolve("demo-cpu-1.html"));
        Files.createFile(dir.resolve("demo-cpu-1.html"));
        assertThat(FlameFileNames.next(loaded, dir)).isEqualTo(dir.resolve("demo-cpu-2.html"));
    }

    @Test
    void aLiveProfileIsNamedAfterItsKind() {
        for (boolean unsaved : new boolean[] {true, false}) {
            LoadedProfile live = new LoadedProfile(profile(), "live cpu profile of pid 42", unsaved);
            assertThat(FlameFileNames.next(live, dir)).isEqualTo(dir.resolve("profcon-cpu-1.html"));
        }
    }

    @Test
    void aTraceNamesItsTimelineAfterItsRecording() throws Exception {
        assertThat(FlameFileNames.next(trace("/data/checkout.jfr"), dir)).isEqualTo(dir.resolve("checkout-timeline-1.html"));
        Files.createFile(dir.resolve("checkout-timeline-1.html"));
        assertThat(FlameFileNames.next(trace("/data/checkout.jfr"), dir)).isEqualTo(dir.resolve("checkout-timeline-2.html"));
        assertThat(FlameFileNames.next(trace("trace of pid 42"), dir)).isEqualTo(dir.resolve("profcon-trace-timeline-1.html"));
    }

    private static Trace trace(String source) {
        return new Trace(source, Instant.EPOCH, 0, List.of(), List.of());
    }

    private static Profile profile() {
        List<ValueType> types = List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds"));
        return new Profile(types, "cpu", List.of(), List.of(), List.of(), List.of(), "", "", 0, 0, types.get(1), 1,
                List.of(), "");
    }
}
