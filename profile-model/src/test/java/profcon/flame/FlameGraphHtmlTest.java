package profcon.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import profcon.model.Profile;
import profcon.pprof.PprofWriter;
import profcon.report.Reports;
import profcon.report.Settings;

/**
 * Golden pages for a small profile, one per option set, named after the options. Regenerate them
 * with {@code -Dprofcon.regenerate=true} after a deliberate change, and read the diff.
 */
class FlameGraphHtmlTest {
    static final Path GOLDEN = Path.of("src/test/resources/profcon/flame");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "flame.small.cpu.html            | ''",
        "flame.small.samples.html        | sample_index=samples",
        "flame.small.cpu.focus.hide.html | focus=Server hide=Json",
        "flame.small.cpu.diff_base.html  | diff_base=BASE"})
    void pageMatchesGolden(String golden, String options) throws Exception {
        String page = render(FlameTreeTest.small(), options, tmp);
        Path file = GOLDEN.resolve(golden);
        if (Boolean.getBoolean("profcon.regenerate")) {
            Files.writeString(file, page, StandardCharsets.UTF_8);
        }
        assertThat(page).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void sameInputSameBytes() throws Exception {
        assertThat(render(FlameTreeTest.small(), "focus=Cache", tmp))
                .isEqualTo(render(FlameTreeTest.small(), "focus=Cache", tmp));
    }

    @Test
    void thePageFetchesNothing() throws Exception {
        String page = render(FlameTreeTest.small(), "", tmp);
        assertThat(page).doesNotContain("http:", "https:", "<link", " src=", "@import", "url(");
        assertThat(page).contains("Content-Security-Policy\" content=\"default-src 'none'");
    }

    @Test
    void headerNamesTypeTotalAndFilters() throws Exception {
        String page = render(FlameTreeTest.small(), "focus=Cache", tmp);
        assertThat(page).contains("<title>profcon: cpu flame graph of small.pb.gz</title>")
                .contains("<span>Type: cpu</span><span>Total: 280ms</span><span>Shown: 120ms (42.86%)</span>"
                        + "<span>Active filters: focus=Cache</span>");
    }

    @Test
    void aFrameNameCannotEndTheScriptItSitsIn() throws Exception {
        Profile p = ProfileBuilder.of("samples/count").sample("a.B.c;x</script><script>alert(1)", 1).build();
        String page = render(p, "", tmp);
        assertThat(page).contains("x\\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
                .doesNotContain("x</script>");
    }

    @Test
    void aFilterMatchingNothingIsWarnedAndThePageSaysSo() throws Exception {
        StringWriter out = new StringWriter();
        List<String> warnings = FlameGraphHtml.write(FlameTreeTest.small(),
                Settings.defaults().set("focus", "NoSuchThing"), "x", out);
        assertThat(warnings).containsExactly("Focus expression matched no samples");
        assertThat(out.toString()).contains("<span>No samples to show</span>");
    }

    /** The page for {@code options} ("name=value ...", BASE standing for a base profile written into {@code dir}). */
    static String render(Profile profile, String options, Path dir) throws Exception {
        List<String> args = new ArrayList<>();
        for (String o : options.isEmpty() ? new String[0] : options.split(" ")) {
            args.add(o.replace("BASE", base(dir).toString()));
        }
        Settings s = Reports.commandSettings("web", args, Settings.defaults());
        StringWriter out = new StringWriter();
        FlameGraphHtml.write(profile, s, "small.pb.gz", out);
        return out.toString();
    }

    /** The small profile before a change: the cache was slower, the database faster, and there was no Json. */
    static Path base(Path dir) throws IOException {
        Path file = dir.resolve("base.pb.gz");
        if (!Files.exists(file)) {
            Profile base = ProfileBuilder.of("samples/count", "cpu/nanoseconds")
                    .sample("main.Main.main;app.Server.handle;app.Cache.get", 9, 90_000_000)
                    .sample("main.Main.main;app.Server.handle;app.Db.query", 1, 10_000_000)
                    .sample("main.Main.main;app.Tree.walk;app.Tree.walk;app.Tree.walk", 6, 60_000_000)
                    .sample("main.Main.main;app.Legacy.run", 3, 30_000_000)
                    .build();
            PprofWriter.write(base, file);
        }
        return file;
    }
}
