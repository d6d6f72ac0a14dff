package profcon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PprofFlagsTest {
    @Test
    void parsesTheManifestStyle() throws ReportException {
        PprofFlags.Parsed p = PprofFlags.parse("-symbolize=none -nodecount=20 -nodefraction=0.05 -compact_labels"
                + " -unit=minimum -text -files -cum -focus=[12]00 -taghide=[X3]00 -nodecount=4");
        assertThat(p.report()).isEqualTo("text");
        assertThat(p.reportArg()).isNull();
        Settings s = p.settings();
        assertThat(s.get("nodecount")).isEqualTo("4");
        assertThat(s.get("nodefraction")).isEqualTo("0.05");
        assertThat(s.get("compact_labels")).isEqualTo("true");
        assertThat(s.get("granularity")).isEqualTo("files");
        assertThat(s.get("sort")).isEqualTo("cum");
        assertThat(s.get("focus")).isEqualTo("[12]00");
        assertThat(s.get("taghide")).isEqualTo("[X3]00");
    }

    @Test
    void reportsWithRegexpsSampleFlagsAndLoadOptions() throws ReportException {
        PprofFlags.Parsed p = PprofFlags.parse(List.of("-list", "main.*", "-mean_delay", "-all_frames",
                "-add_comment=hello", "cpu.pb.gz"));
        assertThat(p.report()).isEqualTo("list");
        assertThat(p.reportArg()).isEqualTo("main.*");
        assertThat(p.settings().get("sample_index")).isEqualTo("delay");
        assertThat(p.settings().get("mean")).isEqualTo("true");
        assertThat(p.allFrames()).isTrue();
        assertThat(p.addComments()).containsExactly("hello");
        assertThat(p.inputs()).containsExactly("cpu.pb.gz");
        assertThat(PprofFlags.parse("-peek=foo --inuse_space").settings().get("sample_index"))
                .isEqualTo("inuse_space");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> PprofFlags.parse("-frobnicate")).hasMessage("flag provided but not defined: -frobnicate");
        assertThatThrownBy(() -> PprofFlags.parse("-nodecount")).hasMessage("flag needs an argument: -nodecount");
        assertThatThrownBy(() -> PprofFlags.parse("-nodecount=x"))
                .hasMessage("strconv.Atoi: parsing \"x\": invalid syntax");
    }
}
