package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flame graph page in a real headless Chromium: the page's own self-test (behind
 * {@code #selftest}) clicks a frame and types a search through the real event handlers and
 * writes what happened into the DOM, which {@code --dump-dom} hands back. No browser driver needed.
 */
class FlameGraphBrowserIT {
    @TempDir
    Path tmp;

    private HeadlessChromium chromium;

    @BeforeEach
    void needsChromium() {
        chromium = HeadlessChromium.in(tmp, 90);
    }

    @Test
    void clickingAFrameZoomsItToTheFullWidthAndSearchHighlights() throws Exception {
        Path page = web("demo.html", "");
        String dom = dumpDom(page, "selftest&click=profcon.demo.Demo.workForever&find=hotLoop");
        Map<String, String> result = selfTest(dom);

        assertThat(dom).contains("<pre id=\"errors\"></pre>").contains("data-name=\"profcon.demo.Demo.hotLoop\"");
        assertThat(result).containsEntry("selftest", "done").containsEntry("errors", "0");
        assertThat(result.get("top")).startsWith("profcon.demo.Demo.hotLoop,profcon.demo.Demo$Counter.increment");
        assertThat(result).containsEntry("clicked", "profcon.demo.Demo.workForever")
                .containsEntry("zoomed", "profcon.demo.Demo.workForever")
                .containsEntry("fullWidth", "true");
        assertThat(Integer.parseInt(result.get("zoomedWidth"))).isEqualTo(Integer.parseInt(result.get("chartWidth")))
                .isGreaterThan(500);
        assertThat(result).containsEntry("matched", "Matched: 2.12s (95.50%)").containsEntry("highlighted", "1")
                .containsEntry("tooltip", "profcon.demo.Demo.workForever | flat: 0 (0%) | cum:  2.22s (100%)")
                .containsEntry("afterRootClick", "root");
    }

    @Test
    void theFragmentOpensThePageZoomedAndSearched() throws Exception {
        Path page = web("zoomed.html", "");
        String dom = dumpDom(page, "zoom=profcon.demo.Demo.workForever&search=Counter");

        assertThat(dom).contains("<pre id=\"errors\"></pre>")
                .contains("<span id=\"matched\">Matched: 100ms (4.50%)</span>");
        assertThat(frameTag(dom, "profcon.demo.Demo.workForever"))
                .contains("class=\"frame zoomed\"").contains("left: 0%; width: 100%;");
        assertThat(frameTag(dom, "profcon.demo.Demo$Counter.increment")).contains("class=\"frame match\"");
    }

    /** The opening tag of the frame element named {@code name}. */
    private static String frameTag(String dom, String name) {
        Matcher m = Pattern.compile("<div class=\"frame[^>]*data-name=\"" + Pattern.quote(name) + "\"[^>]*>")
                .matcher(dom);
        assertThat(m.find()).as("a frame " + name + " in\n" + dom).isTrue();
        return m.group();
    }

    @Test
    void aDiffPageRunsItsSelfTestWithoutErrors() throws Exception {
        Path page = web("diff.html", "diff_base=" + WebCommandTest.fixture());
        Map<String, String> result = selfTest(dumpDom(page, "selftest"));
        assertThat(result).containsEntry("selftest", "done").containsEntry("errors", "0")
                .containsEntry("fullWidth", "true");
        assertThat(result.get("tooltip")).contains("new:  2.22s, base: 2.22s");
    }

    @Test
    void aScreenshotIsAPicture() throws Exception {
        Path page = web("shot.html", "");
        Path png = tmp.resolve("flame.png");
        chromium.run(List.of("--window-size=1200,600", "--screenshot=" + png, page.toUri() + "#search=hotLoop"));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(5_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    /** Writes the fixture's flame graph through the console's {@code web} command. */
    private Path web(String name, String options) {
        Path page = tmp.resolve(name);
        ConsoleRun run = ConsoleRun.of(WebCommandTest.fixture().toString(), "-c", ("web " + page + " " + options).trim());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return page;
    }

    private String dumpDom(Path page, String fragment) throws Exception {
        return chromium.dumpDom(page, fragment);
    }

    private static Map<String, String> selfTest(String dom) {
        return HeadlessChromium.selfTest(dom);
    }
}
