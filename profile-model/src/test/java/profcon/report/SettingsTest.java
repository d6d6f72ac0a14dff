package profcon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void defaultsAreThoseOfPprofInteractiveMode() {
        Settings s = Settings.defaults();
        assertThat(s.get("nodecount")).isEqualTo("-1");
        assertThat(s.get("nodefraction")).isEqualTo("0.005");
        assertThat(s.get("edgefraction")).isEqualTo("0.001");
        assertThat(s.get("sort")).isEqualTo("flat");
        assertThat(s.get("granularity")).isEqualTo("functions");
        assertThat(s.get("unit")).isEqualTo("minimum");
        assertThat(s.get("compact_labels")).isEqualTo("true");
        assertThat(Settings.pprofDefaults().get("compact_labels")).isEqualTo("false");
        assertThat(s.get("trim")).isEqualTo("true");
    }

    @Test
    void setReturnsANewInstance() throws ReportException {
        Settings s = Settings.defaults();
        Settings t = s.set("nodecount", "3");
        assertThat(t.get("nodecount")).isEqualTo("3");
        assertThat(s.get("nodecount")).isEqualTo("-1");
    }

    @Test
    void choicesCanBeSetByName() throws ReportException {
        assertThat(Settings.defaults().set("cum", "").get("sort")).isEqualTo("cum");
        assertThat(Settings.defaults().set("lines", "true").get("granularity")).isEqualTo("lines");
        assertThat(Settings.defaults().set("granularity", "files").get("granularity")).isEqualTo("files");
    }

    @Test
    void badValuesGetPprofMessages() {
        assertThatThrownBy(() -> Settings.defaults().set("nodecount", "x"))
                .hasMessage("strconv.Atoi: parsing \"x\": invalid syntax");
        assertThatThrownBy(() -> Settings.defaults().set("nodefraction", "x"))
                .hasMessage("strconv.ParseFloat: parsing \"x\": invalid syntax");
        assertThatThrownBy(() -> Settings.defaults().set("mean", "maybe"))
                .hasMessage("illegal value \"maybe\" for bool variable");
        assertThatThrownBy(() -> Settings.defaults().set("sort", "name"))
                .hasMessage("invalid \"sort\" value \"name\"");
        assertThatThrownBy(() -> Settings.defaults().set("nodecont", "3"))
                .hasMessage("unknown config field \"nodecont\"");
        assertThatThrownBy(() -> Settings.defaults().set("cum", "false"))
                .hasMessage("unknown config field \"cum\"");
    }

    @Test
    void boolsAcceptPprofSpellings() throws ReportException {
        assertThat(Settings.defaults().set("mean", "yes").get("mean")).isEqualTo("true");
        assertThat(Settings.defaults().set("mean", "").get("mean")).isEqualTo("true");
        assertThat(Settings.defaults().set("mean", "F").get("mean")).isEqualTo("false");
    }

    @Test
    void clearFiltersIsPprofColon() throws ReportException {
        Settings s = Settings.defaults().set("focus", "a").set("ignore", "b").set("hide", "c")
                .set("tagfocus", "d").set("tagignore", "e").set("show", "f").clearFilters();
        for (String k : new String[] {"focus", "ignore", "hide", "tagfocus", "tagignore"}) {
            assertThat(s.get(k)).as(k).isEmpty();
        }
        assertThat(s.get("show")).isEqualTo("f");
    }

    @Test
    void optionsListingHasPprofLayout() throws ReportException {
        StringWriter w = new StringWriter();
        Settings.defaults().set("focus", "Metrics").writeOptions(new PrintWriter(w),
                JavaProfileBuilder.cpu().build());
        String text = w.toString();
        assertThat(text).contains("  focus                     = Metrics              \n");
        assertThat(text).contains("  nodecount                 = -1                   //: default\n");
        assertThat(text).contains("  sort                      = flat                 //: [cum | flat]\n");
        assertThat(text).contains("  sample_index              = cpu                  //: [samples | cpu]\n");
        assertThat(text).contains("  hide                      = \"\"                   \n");
        assertThat(text).doesNotContain("source_path");
        assertThat(text.lines().toList()).isSorted();
    }

    @Test
    void namesAndChoicesFeedCompletion() {
        Settings s = Settings.defaults();
        assertThat(s.names()).contains("nodecount", "focus", "tagfocus", "granularity", "diff_base", "base");
        assertThat(s.choices("granularity")).contains("lines", "addresses");
        assertThat(s.choices("mean")).containsExactly("true", "false");
        assertThat(s.choices("focus")).isEmpty();
    }
}
