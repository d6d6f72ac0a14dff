package profcon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineChoiceTest {
    private static final EngineChoice.TargetVm HOTSPOT_17 = new EngineChoice.TargetVm(
            "Debian OpenJDK 64-Bit Server VM 17.0.15", 17);
    private static final Optional<NativeLibrary> LIBRARY = NativeLibrary.forThisPlatform();

    @Test
    void cpuIsNativeWhereTheLibraryLoadsAndWallStaysOnTheAgent() {
        assertThat(LIBRARY).as("the test machine is linux-x64 with the async-profiler jar on the class path").isPresent();
        assertThat(EngineChoice.choose("cpu", null, false, LIBRARY, HOTSPOT_17).describe())
                .isEqualTo("async-profiler (native library for linux-x64, HotSpot 17)");
        assertThat(EngineChoice.choose("wall", null, false, LIBRARY, HOTSPOT_17).engine()).isEqualTo(Engine.JFR);
        assertThat(EngineChoice.choose("wall", "async-profiler", false, LIBRARY, HOTSPOT_17).engine())
                .isEqualTo(Engine.ASYNC_PROFILER);
        assertThat(EngineChoice.choose("lock", null, false, LIBRARY, HOTSPOT_17).engine()).isEqualTo(Engine.JFR);
    }

    @Test
    void refusalsFallBackToJfrWithTheirReason() {
        assertThat(EngineChoice.choose("cpu", null, true, LIBRARY, HOTSPOT_17).describe())
                .isEqualTo("jfr (native code refused (--no-native))");
        assertThat(EngineChoice.choose("cpu", null, false, Optional.empty(), HOTSPOT_17).reason())
                .startsWith("profcon carries no async-profiler library for ");
        assertThat(EngineChoice.choose("cpu", null, false, LIBRARY,
                new EngineChoice.TargetVm("Eclipse OpenJ9 VM", 17)).reason()).contains("is not HotSpot");
        assertThat(EngineChoice.choose("cpu", "jfr", false, LIBRARY, HOTSPOT_17).describe())
                .isEqualTo("jfr (engine=jfr asked)");
    }

    @Test
    void impossibleOrUnknownEnginesAreErrors() {
        assertThatThrownBy(() -> EngineChoice.choose("cpu", "async-profiler", true, LIBRARY, HOTSPOT_17))
                .hasMessage("engine=async-profiler is not available: native code refused (--no-native)");
        assertThatThrownBy(() -> EngineChoice.choose("lock", "async-profiler", false, LIBRARY, HOTSPOT_17))
                .hasMessage("engine=async-profiler makes cpu and wall profiles only; lock comes from JFR");
        assertThatThrownBy(() -> EngineChoice.choose("cpu", "perf", false, LIBRARY, HOTSPOT_17))
                .hasMessage("unknown engine 'perf' (engines: async-profiler, jfr)");
    }

    @Test
    void platformsAreTheJarsDirectories() {
        assertThat(NativeLibrary.platform("Linux", "amd64")).contains("linux-x64");
        assertThat(NativeLibrary.platform("Linux", "aarch64")).contains("linux-arm64");
        assertThat(NativeLibrary.platform("Mac OS X", "aarch64")).contains("macos");
        assertThat(NativeLibrary.platform("Windows 11", "amd64")).isEmpty();
        assertThat(NativeLibrary.platform("Linux", "ppc64le")).isEmpty();
    }
}
