package profcon.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import profcon.agent.channel.Wire;

/** Every request and reply through the codec and back, the wire forms the agent's checks rely on, and refusals. */
class CodecTest {
    private static final byte[] BYTES = "some bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyRequestIsALineOfWordsThatReadsBack() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("max", "70s");
        options.put("period", "20ms");
        Map<Request<?>, String> lines = new LinkedHashMap<>();
        lines.put(new Request.Info(), "info");
        lines.put(new Request.Start("cpu", options), "start cpu max=70s period=20ms");
        lines.put(new Request.Start("wall", Map.of()), "start wall");
        lines.put(new Request.Progress(), "progress");
        lines.put(new Request.Stop(), "stop");
        lines.put(new Request.Snapshot(), "snapshot");
        lines.put(new Request.Detach(), "detach");
        lines.put(new Request.Labels(), "labels");
        lines.put(new Request.NativeGuard("/tmp/profcon-x/native/libasyncProfiler.so"),
                "native-guard /tmp/profcon-x/native/libasyncProfiler.so");
        lines.put(new Request.NativeGuard(Request.NativeGuard.NONE), "native-guard -");
        lines.put(new Request.Threads(0), "threads");
        lines.put(new Request.Threads(5), "threads chunk=5");
        lines.put(new Request.ThreadsFull(), "threads-full");
        lines.put(new Request.Estimate(Request.Estimate.Kind.HEAPDUMP), "estimate heapdump");
        lines.put(new Request.HeapDump(true), "heapdump");
        lines.put(new Request.HeapDump(false), "heapdump live=false");
        lines.put(new Request.Histogram(false), "histogram");
        lines.put(new Request.Histogram(true), "histogram all");
        lines.put(new Request.Pauses(Duration.ofSeconds(10)), "pauses 10000");

        lines.forEach((request, line) -> {
            assertThat(Codec.encode(request)).as(line).isEqualTo(line);
            assertThat(Codec.decode(line)).as(line).isEqualTo(request);
        });
    }

    @Test
    void threadIdsIsABareVerb() {
        assertThat(Codec.encode(new Request.ThreadIds())).isEqualTo("thread-ids");
        assertThat(Codec.decode("thread-ids")).isEqualTo(new Request.ThreadIds());
        assertThatThrownBy(() -> Codec.decode("thread-ids now")).hasMessage("thread-ids takes no arguments, got 'now'");
    }

    @Test
    void aTraceSaysItsActionThenItsArguments() {
        Request.Trace sched = Request.Trace.sched(100_000_000L, 1_700_000_000_000L, List.of("42:1:2:3:4:main"));

        assertThat(Codec.encode(Request.Trace.start(Duration.ofSeconds(10)))).isEqualTo("trace start 10000");
        assertThat(Codec.decode("trace start 10000")).isEqualTo(Request.Trace.start(Duration.ofSeconds(10)));
        assertThat(Codec.encode(sched)).isEqualTo("trace sched 100000000 1700000000000 42:1:2:3:4:main");
        assertThat(Codec.decode(Codec.encode(sched))).isEqualTo(sched);
        assertThat(Codec.decode("trace stop")).isEqualTo(Request.Trace.stop());
        assertThatThrownBy(() -> Codec.decode("trace start 60001")).hasMessage("trace start needs a window of 1 to 60000 ms");
        assertThatThrownBy(() -> Codec.decode("trace start soon")).hasMessage("trace start needs a window of 1 to 60000 ms");
        assertThatThrownBy(() -> Codec.decode("trace rewind")).hasMessage("trace takes start, sched, limits or stop, got 'rewind'");
        assertThatThrownBy(() -> Codec.decode("trace sched 100")).hasMessageStartingWith("trace sched needs the interval");
    }

    @Test
    void aStartCarriesItsWindowInMillisecondsBeforeItsOptions() {
        Request.Start start = new Request.Start("cpu", Map.of("period", "20ms"), Duration.ofSeconds(5));

        assertThat(Codec.encode(start)).isEqualTo("start cpu window_ms=5000 period=20ms");
        assertThat(Codec.decode("start cpu period=20ms window_ms=5000")).isEqualTo(start);
        assertThat(new Request.Start("cpu", Map.of()).window()).isZero();
        assertThatThrownBy(() -> Codec.decode("start cpu window_ms=soon"))
                .hasMessage("window_ms must be a whole number of milliseconds, got 'soon'");
        assertThatThrownBy(() -> new Request.Start("cpu", Map.of("window_ms", "5")))
                .hasMessage("window_ms is the profile's duration, not an option");
    }

    @Test
    void linesOutsideTheProtocolAreRefusedWithTheReason() {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("", "unknown request ''");
        refusals.put("frobnicate now", "unknown request 'frobnicate'");
        refusals.put("start", "start needs a profile kind");
        refusals.put("start cpu period", "expected key=value, got 'period'");
        refusals.put("info now", "info takes no arguments, got 'now'");
        refusals.put("threads chunk=0", "chunk must be at least 1");
        refusals.put("threads chunk=many", "chunk must be a whole number, got 'chunk=many'");
        refusals.put("estimate", "estimate needs full, heapdump or histogram");
        refusals.put("estimate soon", "estimate needs full, heapdump or histogram");
        refusals.put("histogram some", "histogram takes only 'all', got 'some'");
        refusals.put("native-guard", "native-guard takes one path, or '-'");
        refusals.put("native-guard a b", "native-guard takes one path, or '-'");
        refusals.put("heapdump live=true x", "heapdump takes only 'live=false', got 'live=true x'");
        for (String window : List.of("", "abc", "0", "600001")) {
            refusals.put(("pauses " + window).strip(), "pauses needs a window of 1 to 600000 ms");
        }

        refusals.forEach((line, reason) -> assertThatThrownBy(() -> Codec.decode(line)).as(line)
                .isInstanceOf(IllegalArgumentException.class).hasMessage(reason));
    }

    @Test
    void everyReplyIsAFrameThatReadsBack() throws Exception {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("pid", "4242");
        info.put("vm", "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15+6");
        Map<Request<?>, Reply> replies = new LinkedHashMap<>();
        replies.put(new Request.Info(), new Reply.Info(info));
        replies.put(new Request.Start("lock", Map.of()), new Reply.Started("lock", "threshold=0s period=10ms"));
        replies.put(new Request.Start("cpu", Map.of()), new Reply.Started("cpu", ""));
        replies.put(new Request.Progress(), new Reply.Progress(true, "cpu", Duration.ofMillis(1500), 42));
        replies.put(new Request.Stop(), new Reply.Collected(7, Duration.ofSeconds(2), BYTES));
        replies.put(new Request.Detach(), new Reply.Detached());
        replies.put(new Request.Labels(), new Reply.Payload("labels", BYTES));
        replies.put(new Request.NativeGuard("-"), new Reply.Payload("cleared", new byte[0]));
        replies.put(new Request.Threads(0), new Reply.Payload("grouped", BYTES));
        replies.put(new Request.Estimate(Request.Estimate.Kind.FULL), new Reply.Estimate(12, 1 << 20, 5_000_000,
                "calibrated now: 0.02 ms + 1.0 us x 12 threads (stack walks) + 1 MB heap walked at 1 GB/s"));
        replies.put(new Request.HeapDump(false), new Reply.HeapDump(Path.of("/tmp/a dir/heap-1.hprof"), false, 5, 3));
        replies.put(new Request.Histogram(true), new Reply.Histogram(false, 5, 3, BYTES));

        for (Map.Entry<Request<?>, Reply> e : replies.entrySet()) {
            Wire.Reply frame = Codec.encode(e.getValue());
            assertThat(frame.ok()).isTrue();
            assertThat(Codec.decode(e.getKey(), frame)).as(frame.message()).usingRecursiveComparison()
                    .isEqualTo(e.getValue());
        }
        assertThat(Codec.decode(new Request.Progress(), Codec.encode(Reply.Progress.idle()))).isEqualTo(Reply.Progress.idle());
    }

    @Test
    void wireFormsStayReadableKeyValueWords() {
        assertThat(Codec.encode(new Reply.Progress(true, "cpu", Duration.ofMillis(1500), 42)).message())
                .isEqualTo("running=true kind=cpu elapsed_ms=1500 events=42");
        assertThat(Codec.encode(Reply.Progress.idle()).message()).isEqualTo("running=false");
        assertThat(Codec.encode(new Reply.Collected(7, Duration.ofSeconds(2), BYTES)).message())
                .isEqualTo("events=7 elapsed_ms=2000");
        assertThat(Codec.encode(new Reply.Info(Map.of("pid", "1"))).message()).isEqualTo("pid=1");
    }

    @Test
    void aReplyThatDoesNotReadIsAProtocolError() {
        Wire.Reply frame = new Wire.Reply(Wire.OK, "running=true kind=cpu", new byte[0]);

        assertThatThrownBy(() -> Codec.decode(new Request.Progress(), frame)).isInstanceOf(ProtocolException.class)
                .hasMessage("malformed progress reply from the agent: no elapsed_ms");
    }

    @Test
    void refusalsAreOneLine() {
        Wire.Reply frame = Codec.refusal("first\nsecond");

        assertThat(frame.ok()).isFalse();
        assertThat(frame.message()).isEqualTo("first second");
    }

    @Test
    void helloCarriesTokenPidProtocolAndBuild() throws Exception {
        Hello hello = Hello.of("abcdef", 4242, "0.1.0");

        assertThat(Codec.encode(hello)).isEqualTo("hello token=abcdef pid=4242 protocol=" + Codec.PROTOCOL
                + " build=0.1.0");
        assertThat(Codec.decodeHello(Codec.encode(hello))).isEqualTo(hello);
        assertThat(Codec.decodeHello("hello token=abcdef pid=4242"))
                .isEqualTo(new Hello("abcdef", 4242, 0, Hello.UNKNOWN_BUILD));
        assertThatThrownBy(() -> Codec.decodeHello("goodbye")).isInstanceOf(ProtocolException.class);
    }
}
