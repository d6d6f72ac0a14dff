package profcon.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import profcon.threads.MiniJson;

/** The timeline page's data and shape for a trace built in code: order, states, spans, pauses, tables, safety. */
class TraceHtmlTest {
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"trace-data\">(.*?)</script>", Pattern.DOTALL);

    @Test
    void groupsAndThreadsAreInNaturalOrder() throws Exception {
        Map<String, Object> data = data(TimelineTraces.small());
        assertThat(list(data, "groups").stream().map(g -> (Object) ((Map<?, ?>) g).get("name")).toList())
                .containsExactly("batch", "http-exec", "virtual");
        assertThat(threadNames(group(data, "http-exec"))).containsExactly("http-exec-1", "http-exec-2", "http-exec-10");
        assertThat(threadNames(group(data, "batch"))).containsExactly("batch-short", "spinner");
    }

    @Test
    void everyStateIsListedInPrecedenceOrderWithItsOwnColour() throws Exception {
        List<Object> states = list(data(TimelineTraces.small()), "states");
        assertThat(states).hasSize(ThreadState.values().length);
        for (ThreadState s : ThreadState.values()) {
            Map<?, ?> json = (Map<?, ?>) states.get(s.ordinal());
            assertThat(json.get("name")).isEqualTo(s.name());
            assertThat(json.get("meaning")).isEqualTo(s.meaning());
            assertThat(json.get("glyph")).isEqualTo(String.valueOf(s.glyph()));
        }
        assertThat(states.stream().map(s -> ((Map<?, ?>) s).get("color")).distinct()).hasSize(states.size());
    }

    @Test
    void spansDecodeToTheirMicrosecondsStatesDetailsAndStacks() throws Exception {
        Map<String, Object> data = data(TimelineTraces.small());
        Map<?, ?> exec2 = thread(group(data, "http-exec"), "http-exec-2");
        List<Long> spans = numbers(exec2.get("spans"));
        // (start delta, length, state, detail, stack) per span.
        assertThat(spans).hasSize(15);
        assertThat(spans.subList(5, 10)).startsWith(400_000L, 900_000L, (long) ThreadState.LOCK.ordinal());
        List<?> details = list(data, "details");
        List<?> stacks = list(data, "stacks");
        assertThat(details.get(spans.get(8).intValue())).isEqualTo(TimelineTraces.LOCK);
        assertThat(stacks.get(spans.get(9).intValue())).isEqualTo(TimelineTraces.LOCK_STACK);
        assertThat(spans.get(10)).as("third span starts 900 ms after the second").isEqualTo(900_000L);
        assertThat(details.get(0)).isEqualTo("");
        assertThat(stacks.get(0)).isEqualTo(List.of());
    }

    @Test
    void detailsAndStacksAreWrittenOnce() throws Exception {
        Map<String, Object> data = data(TimelineTraces.small());
        List<?> details = list(data, "details");
        List<?> stacks = list(data, "stacks");
        assertThat(details).doesNotHaveDuplicates().hasSize(6);
        assertThat(stacks).doesNotHaveDuplicates().hasSize(5);
        Map<?, ?> spinner = thread(group(data, "batch"), "spinner");
        assertThat(numbers(spinner.get("spans"))).hasSize(2000 * 5);
    }

    @Test
    void threadLivesIdsAndVirtualnessArePassedOn() throws Exception {
        Map<String, Object> data = data(TimelineTraces.small());
        Map<?, ?> shortLived = thread(group(data, "batch"), "batch-short");
        assertThat(shortLived.get("started")).isEqualTo("500000");
        assertThat(shortLived.get("ended")).isEqualTo("900000");
        assertThat(shortLived.get("javaId")).isEqualTo("40");
        assertThat(shortLived.get("osId")).isEqualTo("4040");
        Map<?, ?> virtual = thread(group(data, "virtual"), "order-42");
        assertThat(virtual.get("virtual")).isEqualTo(true);
        assertThat(virtual.get("started")).isEqualTo("-1");
        assertThat(virtual.get("ended")).isEqualTo("-1");
    }

    @Test
    void pausesAndTheWindowAreInMicroseconds() throws Exception {
        Map<String, Object> data = data(TimelineTraces.small());
        assertThat(data.get("length")).isEqualTo("2000000");
        assertThat(data.get("start")).isEqualTo("2026-12-05T10:00:00Z");
        List<Object> pauses = list(data, "pauses");
        assertThat(pauses).containsExactly(
                Map.of("start", "1000000", "end", "1120000", "kind", "gc",
                        "cause", "G1 Young Generation: G1 Evacuation Pause"),
                Map.of("start", "1500000", "end", "1503000", "kind", "safepoint", "cause", "ThreadDump"));
    }

    @Test
    void theHeaderStatesWindowThreadsAndPauses() throws Exception {
        String page = page(TimelineTraces.small());
        assertThat(page).contains("<title>profcon: timeline of checkout.jfr</title>")
                .contains("<span>Source: checkout.jfr</span>")
                .contains("<span>Window: 2 s from 2026-12-05 10:00:00 UTC</span>")
                .contains("<span>Threads: 6 in 3 groups (1 virtual)</span>")
                .contains("<span>Pauses: 2, longest 120 ms, 123 ms in all</span>");
    }

    @Test
    void thePageIsSelfContainedAndTheSameEveryTime() throws Exception {
        String page = page(TimelineTraces.small());
        assertThat(page).isEqualTo(page(TimelineTraces.small()))
                .contains("content=\"default-src 'none';")
                .doesNotContain("<script src").doesNotContain("<link").doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("{{");
    }

    @Test
    void aHostileThreadNameStaysInsideItsScript() throws Exception {
        String evil = "</script><script>alert(1)</script>";
        Trace trace = new Trace("<b>x</b>.jfr", Instant.EPOCH, 1_000_000, List.of(new TraceThread(evil, "g&<", 1, 0,
                false, -1, -1, List.of(new TraceSpan(0, 1_000_000, ThreadState.RUNNING, evil, List.of(evil))))),
                List.of());
        String page = page(trace);
        assertThat(page).doesNotContain(evil).contains("<title>profcon: timeline of &lt;b&gt;x&lt;/b&gt;.jfr</title>");
        Map<String, Object> data = data(trace);
        assertThat(threadNames(group(data, "g&<"))).containsExactly(evil);
        assertThat(list(data, "stacks").get(1)).isEqualTo(List.of(evil));
    }

    @Test
    void anEmptyTraceStillMakesAPage() throws Exception {
        Trace empty = new Trace("empty.jfr", Instant.EPOCH, 0, List.of(), List.of());
        Map<String, Object> data = data(empty);
        assertThat(list(data, "groups")).isEmpty();
        assertThat(page(empty)).contains("<span>Threads: 0 in 0 groups</span>").contains("<span>Pauses: none</span>");
    }

    @Test
    void durationsReadAsAPersonWritesThem() {
        assertThat(TimelineHeader.duration(2_000_000_000L)).isEqualTo("2 s");
        assertThat(TimelineHeader.duration(61_500_000_000L)).isEqualTo("61.5 s");
        assertThat(TimelineHeader.duration(120_000_000L)).isEqualTo("120 ms");
        assertThat(TimelineHeader.duration(1_250_000L)).isEqualTo("1.25 ms");
        assertThat(TimelineHeader.duration(40_000L)).isEqualTo("0.04 ms");
    }

    @Test
    void numbersInNamesSortAsNumbers() {
        List<String> names = Arrays.asList("w-10", "W-2", "w-1", "w-01", "w-", "a", "w-2a", "w-99999999999999999999");
        names.sort(TimelineOrder.NATURAL);
        assertThat(names).containsExactly("a", "w-", "w-01", "w-1", "W-2", "w-2a", "w-10", "w-99999999999999999999");
    }

    static String page(Trace trace) throws Exception {
        StringWriter out = new StringWriter();
        TraceHtml.write(trace, trace.source(), out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Trace trace) throws Exception {
        Matcher m = DATA.matcher(page(trace));
        assertThat(m.find()).isTrue();
        return (Map<String, Object>) MiniJson.parse(m.group(1));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<?, ?> map, String key) {
        return (List<Object>) map.get(key);
    }

    private static Map<?, ?> group(Map<String, Object> data, String name) {
        return (Map<?, ?>) list(data, "groups").stream().filter(g -> ((Map<?, ?>) g).get("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no group " + name));
    }

    private static List<Object> threadNames(Map<?, ?> group) {
        return list(group, "threads").stream().map(t -> (Object) ((Map<?, ?>) t).get("name")).toList();
    }

    private static Map<?, ?> thread(Map<?, ?> group, String name) {
        return (Map<?, ?>) list(group, "threads").stream().filter(t -> ((Map<?, ?>) t).get("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no thread " + name));
    }

    private static List<Long> numbers(Object array) {
        return ((List<?>) array).stream().map(n -> Long.parseLong((String) n)).toList();
    }
}
