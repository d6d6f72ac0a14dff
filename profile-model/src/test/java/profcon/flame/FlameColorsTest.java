package profcon.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Colours: one per package for a profile; in a diff red for growth, blue for shrinkage, deeper for more. */
class FlameColorsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "profcon.demo.Demo.hotLoop, profcon.demo",
        "profcon.demo.Demo$Counter.increment, profcon.demo",
        "java.util.HashMap.get, java.util",
        "Busy.main, Busy",
        "net/http.(*Server).Serve, net/http",
        "github.com/foo/bar.Baz, github.com/foo/bar",
        "runtime.mallocgc, runtime",
        "[libjvm.so], [libjvm.so]",
        "<unknown>, <unknown>",
        "root, ''"})
    void packageOfAFrame(String frame, String pkg) {
        assertThat(FlameColors.packageOf(frame)).isEqualTo(pkg);
    }

    @Test
    void aPackageKeepsItsColourAndPackagesDiffer() {
        assertThat(FlameColors.forPackage("profcon.demo.Demo.hotLoop"))
                .isEqualTo(FlameColors.forPackage("profcon.demo.Demo$Counter.increment"));
        assertThat(FlameColors.forPackage("java.util.HashMap.get"))
                .isNotEqualTo(FlameColors.forPackage("profcon.demo.Demo.hotLoop"));
    }

    @Test
    void growthIsRedShrinkageBlueAndMoreIsDeeper() {
        int[] grew = rgb(FlameColors.forDelta(80, 100));
        int[] grewLittle = rgb(FlameColors.forDelta(10, 100));
        int[] shrank = rgb(FlameColors.forDelta(-80, 100));
        int[] same = rgb(FlameColors.forDelta(0, 100));
        assertThat(grew[0]).isGreaterThan(grew[2] + 100);
        assertThat(shrank[2]).isGreaterThan(shrank[0] + 100);
        assertThat(sum(grew)).isLessThan(sum(grewLittle));
        assertThat(Math.min(same[0], Math.min(same[1], same[2]))).isGreaterThan(230);
        assertThat(FlameColors.forDelta(100, 100)).isEqualTo(FlameColors.forDelta(500, 100));
    }

    @Test
    void aDiffPageColoursFramesByTheirDelta() throws Exception {
        String page = FlameGraphHtmlTest.render(FlameTreeTest.small(), "diff_base=BASE", tmp);
        // Json.read is new, Legacy.run is gone, Cache.get shrank under Server.handle, Db.query grew.
        assertThat(red(color(page, "app.Json.read"))).isTrue();
        assertThat(blue(color(page, "app.Legacy.run"))).isTrue();
        assertThat(red(color(page, "app.Db.query"))).isTrue();
        assertThat(blue(color(page, "main.Main.main"))).isFalse();
        assertThat(page).contains("\"diff\":true").contains("Diff: red frames grew, blue frames shrank");
    }

    @Test
    void anOrdinaryPageColoursByPackage() throws Exception {
        String page = FlameGraphHtmlTest.render(FlameTreeTest.small(), "", tmp);
        assertThat(color(page, "app.Json.read")).isEqualTo(FlameColors.forPackage("app.Json.read"))
                .isEqualTo(color(page, "app.Db.query"));
    }

    /** The colour of the first frame of that name in the page's data. */
    private static String color(String page, String frame) {
        Matcher m = Pattern.compile("\\{\"name\":\"" + Pattern.quote(frame) + "\",[^{}]*?\"color\":\"(#[0-9a-f]{6})\"")
                .matcher(page);
        assertThat(m.find()).as("frame " + frame + " in the page").isTrue();
        return m.group(1);
    }

    private static boolean red(String color) {
        int[] c = rgb(color);
        return c[0] > c[2] + 60;
    }

    private static boolean blue(String color) {
        int[] c = rgb(color);
        return c[2] > c[0] + 60;
    }

    private static int[] rgb(String hex) {
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
                Integer.parseInt(hex.substring(5, 7), 16)};
    }

    private static int sum(int[] c) {
        return c[0] + c[1] + c[2];
    }
}
