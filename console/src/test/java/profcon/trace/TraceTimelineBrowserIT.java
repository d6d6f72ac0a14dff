package profcon.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.console.HeadlessChromium;

/**
 * The trace timeline page in a real headless Chromium: the page's own self-test (behind
 * {@code #selftest}) hovers a span, drags a range, wheels, presses keys, resets and filters through
 * the real event handlers and writes what happened into the DOM, which {@code --dump-dom} hands back.
 */
class TraceTimelineBrowserIT {
    @TempDir
    Path tmp;

    private HeadlessChromium chromium;

    @BeforeEach
    void needsChromium() {
        chromium = HeadlessChromium.in(tmp, 240);
    }

    @Test
    void hoveringASpanShowsItsStateAndStack() throws Exception {
        Map<String, String> result = selfTest(page("small.html", TimelineTraces.small()), "selftest");
        assertThat(result).containsEntry("selftest", "done").containsEntry("errors", "0")
                .containsEntry("threads", "6").containsEntry("groups", "batch,http-exec,virtual")
                .containsEntry("hovered", "http-exec-2").containsEntry("tooltipShown", "true");
        assertThat(result.get("tooltip")).startsWith("http-exec-2  (http-exec, java id 22, os id 4002) | "
                + "blocked on a lock: java.util.concurrent.locks.ReentrantLock$NonfairSync | "
                + "900 ms, from 400 ms to 1.3 s | overlaps gc pause 120 ms at 1 s: G1 Young Generation")
                .contains("|   at java.util.concurrent.locks.ReentrantLock.lock:322 |   at com.example.OrderService.place:42");
    }

    @Test
    void draggingARangeZoomsToItAndResetShowsItAll() throws Exception {
        Map<String, String> result = selfTest(page("zoom.html", TimelineTraces.small()), "selftest&zoom=250000-750000");
        assertThat(result).containsEntry("errors", "0").containsEntry("dragged", "250000-750000");
        String[] window = result.get("window").split("-");
        long pixel = Long.parseLong(result.get("pixelUs"));
        // The drag lands on whole pixels: the window is the range to within one pixel at each end.
        assertThat(Long.parseLong(window[0])).isBetween(250_000 - 2 * pixel, 250_000 + 2 * pixel);
        assertThat(Long.parseLong(window[1])).isBetween(750_000 - 2 * pixel, 750_000 + 2 * pixel);
        assertThat(result.get("windowText")).matches("Showing 2\\d\\d(\\.\\d+)? ms – 7\\d\\d(\\.\\d+)? ms "
                + "\\(\\d+(\\.\\d+)? ms of 2 s\\)");
        assertThat(result).containsEntry("wheelNarrower", "true").containsEntry("keyPannedRight", "true")
                .containsEntry("afterReset", "0-2000000");
    }

    @Test
    void pausesAreDrawnAndSpansUnderAPixelMergeIntoTheStateThatDominates() throws Exception {
        Map<String, String> result = selfTest(page("pauses.html", TimelineTraces.small()),
                "selftest&probe=spinner@700000");
        assertThat(result).containsEntry("errors", "0").containsEntry("pausesDrawn", "2")
                .containsEntry("pauseMark", TimelineColors.of(ThreadState.PAUSED))
                // 0.3 ms running and 0.7 ms on a lock in every 2 ms: each pixel of the full view is a lock.
                .containsEntry("probe", TimelineColors.of(ThreadState.LOCK));
        assertThat(Integer.parseInt(result.get("pauseBandAlpha"))).isPositive();
    }

    @Test
    void theFilterKeepsTheThreadsItMatches() throws Exception {
        Map<String, String> result = selfTest(page("filter.html", TimelineTraces.small()), "selftest&find=http-exec-1");
        assertThat(result).containsEntry("errors", "0").containsEntry("shown", "2 of 6 threads")
                .containsEntry("filteredRows", "[http-exec],http-exec-1,http-exec-10")
                .containsEntry("unfilteredRows", "9");
    }

    @Test
    void theFragmentOpensThePageZoomedAndFiltered() throws Exception {
        String dom = chromium.dumpDom(page("opened.html", TimelineTraces.small()), "window=900000-1600000&search=exec");
        assertThat(dom).contains("<pre id=\"errors\"></pre>")
                .contains("<span id=\"window\">Showing 900 ms – 1.6 s (700 ms of 2 s)</span>")
                .contains("<span id=\"shown\">3 of 6 threads</span>");
    }

    @Test
    void twoThousandThreadsOfAMinuteRunClean() throws Exception {
        Trace large = TimelineTraces.large(2000, 60, 300);
        Map<String, String> result = selfTest(page("large.html", large), "selftest&expand&find=thread-1999");
        assertThat(result).containsEntry("errors", "0").containsEntry("selftest", "done")
                .containsEntry("threads", "2000").containsEntry("rows", "20").containsEntry("expandedRows", "2020")
                .containsEntry("pausesDrawn", "60").containsEntry("shown", "1 of 2,000 threads")
                .containsEntry("filteredRows", "[pool-19],pool-19-thread-1999");
        assertThat(result.get("tooltip")).contains("blocked on a lock");
        // Reported, not asserted: the machine's load decides it.
        System.out.println("timeline of 2,000 threads x 600,000 spans: page " + Files.size(tmp.resolve("large.html"))
                + " bytes, first draw " + result.get("drawMs") + " ms");
    }

    private Path page(String name, Trace trace) throws Exception {
        Path page = tmp.resolve(name);
        try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            TraceHtml.write(trace, trace.source(), out);
        }
        return page;
    }

    private Map<String, String> selfTest(Path page, String fragment) throws Exception {
        return HeadlessChromium.selfTest(chromium.dumpDom(page, fragment, "--window-size=1200,800"));
    }
}
