package profcon.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import profcon.agent.channel.Wire;
import profcon.agent.protocol.Codec;

/** The agent's side of a session, line in, frame out, profiling this JVM. */
class RequestHandlerTest {
    @TempDir
    Path dir;
    private final AtomicBoolean detached = new AtomicBoolean();
    private RequestHandler agent;

    @AfterEach
    void release() {
        agent.release();
    }

    @Test
    void profileStartsReportsSnapshotsAndStops() {
        agent = new RequestHandler(dir, () -> detached.set(true));

        assertThat(ok("start wall period=10ms")).startsWith("started wall period=10ms");
        assertThat(ok("progress")).startsWith("running=true kind=wall elapsed_ms=");
        assertThat(refused("start cpu")).isEqualTo("a wall profile is already being collected");
        assertThat(agent.answer("snapshot").payload()).isNotEmpty();
        Wire.Reply stopped = agent.answer("stop");
        assertThat(stopped.message()).matches("events=\\d+ elapsed_ms=\\d+");
        assertThat(stopped.payload()).isNotEmpty();
        assertThat(ok("progress")).isEqualTo("running=false");
        assertThat(refused("stop")).isEqualTo("no profile is being collected");
        assertThat(detached).isFalse();
    }

    @Test
    void infoNamesThisJvmAndTheProtocol() {
        agent = new RequestHandler(dir, () -> detached.set(true));

        assertThat(ok("info")).contains("pid=" + ProcessHandle.current().pid() + "\n")
                .contains("agent_protocol=" + Codec.PROTOCOL).contains("profiling=none");
    }

    @Test
    void threadIdsJoinThisThreadsNativeIdToItsJavaNameAndLeaveNoFileBehind() throws Exception {
        agent = new RequestHandler(dir, () -> detached.set(true));
        long nativeId = nativeIdOfCurrentThread();

        Wire.Reply reply = agent.answer("thread-ids");

        assertThat(reply.message()).startsWith("thread-ids bytes=");
        String lines = new String(reply.payload(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lines).contains(nativeId + " " + Thread.currentThread().getId() + " java "
                + Thread.currentThread().getName() + "\n");
        assertThat(lines).containsPattern("(?m)^\\d+ \\d+ jvm C[12] CompilerThread\\d+$");
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** The kernel's id of this thread, from /proc/thread-self (Linux): what the agent must join to. */
    private static long nativeIdOfCurrentThread() throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/proc/thread-self")),
                "no /proc/thread-self: not Linux");
        return Long.parseLong(java.nio.file.Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()
                .toString());
    }

    @Test
    void detachStopsTheProfileAndEndsTheSessionBeforeAnswering() {
        agent = new RequestHandler(dir, () -> detached.set(true));
        ok("start wall");

        assertThat(ok("detach")).isEqualTo("detached");
        assertThat(detached).isTrue();
        assertThat(ok("progress")).isEqualTo("running=false");
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() {
        agent = new RequestHandler(dir, () -> detached.set(true));

        assertThat(refused("start nosuchkind")).startsWith("unknown profile kind 'nosuchkind'");
        assertThat(refused("start cpu color=red")).isEqualTo("unknown sampling option 'color'");
        assertThat(refused("frobnicate")).isEqualTo("unknown request 'frobnicate'");
    }

    @Test
    void nativeGuardTakesALibraryFileAndStopsOnlyOneLoadedHere() throws Exception {
        agent = new RequestHandler(dir, () -> detached.set(true));
        String loaded;
        try (var maps = java.nio.file.Files.lines(Path.of("/proc/self/maps"))) {
            loaded = maps.filter(l -> l.endsWith("/libjava.so")).map(l -> l.substring(l.indexOf('/'))).findFirst()
                    .orElseThrow();
        }

        assertThat(refused("native-guard /no/such/libasyncProfiler.so"))
                .isEqualTo("native-guard: /no/such/libasyncProfiler.so is no library file");
        assertThat(ok("native-guard " + loaded)).startsWith("guarded");
        assertThat(ok("native-guard -")).startsWith("cleared");

        // set before the profiler's start (the console may vanish in between): a file never loaded here
        // is never loaded by the guard's stop
        Path neverLoaded = java.nio.file.Files.writeString(dir.resolve("libasyncProfiler.so"), "not loaded");
        NativeProfilerGuard guard = new NativeProfilerGuard();
        guard.set(neverLoaded.toString());
        assertThat(guard.isSet()).isTrue();
        assertThat(guard.stopIfSet()).as("a stop sent to a library this JVM never loaded").isFalse();
        assertThat(guard.isSet()).isFalse();
    }

    @Test
    void aTraceRecordsIntoTheSessionDirectoryWithTheConsolesSchedReadings() throws Exception {
        agent = new RequestHandler(dir, () -> detached.set(true));
        long readAt = System.currentTimeMillis();

        Wire.Reply started = agent.answer("trace start 5000");
        assertThat(started.ok()).as(started.message()).isTrue();
        Path file = Path.of(new String(started.payload(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(refused("trace start 5000")).isEqualTo("a trace is already being recorded");
        Thread.sleep(20); // the workload, not a wait for anything: a sleep over the trace's 1 ms threshold, asserted below
        assertThat(ok("trace sched 100000000 " + readAt + " 42:30000000:60000000:3:7:worker-1 43:1:2:0:0:C2+Compiler"))
                .startsWith("sched");
        assertThat(refused("trace sched 100000000 " + readAt + " 42:x")).startsWith("a sched row is tid:cpu_ns:");
        assertThat(ok("trace limits available=true cpus=0-1 cpu_count=2 quota=NaN")).startsWith("limits");
        Wire.Reply stopped = agent.answer("trace stop");
        assertThat(stopped.ok()).as(stopped.message()).isTrue();

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> sched = events.stream().filter(e -> e.getEventType().getName()
                .equals("profcon.SchedSnapshot")).toList();
        assertThat(sched).extracting(e -> e.getString("threadName")).containsExactly("worker-1", "C2 Compiler");
        assertThat(sched.get(0).getLong("runQueueNanos")).isEqualTo(60_000_000L);
        assertThat(sched.get(0).getInstant("readAt").toEpochMilli()).isEqualTo(readAt);
        assertThat(events).anyMatch(e -> e.getEventType().getName().equals("jdk.ThreadSleep"));
        assertThat(events).anyMatch(e -> e.getEventType().getName().equals("profcon.SchedWindow")
                && e.getString("cpusAllowed").equals("0-1"));
        assertThat(refused("trace stop")).isEqualTo("no trace is being recorded");
    }

    @Test
    void aConsoleGoneMidTraceLeavesNoRecordingRunning() {
        agent = new RequestHandler(dir, () -> detached.set(true));
        ok("trace start 60000");

        agent.release();

        assertThat(FlightRecorder.getFlightRecorder().getRecordings()).noneMatch(r -> r.getName().equals("profcon-trace"));
        assertThat(refused("trace stop")).isEqualTo("no trace is being recorded");
    }

    private String ok(String line) {
        Wire.Reply frame = agent.answer(line);
        assertThat(frame.ok()).as(line + ": " + frame.message()).isTrue();
        return frame.message();
    }

    private String refused(String line) {
        Wire.Reply frame = agent.answer(line);
        assertThat(frame.ok()).as(line).isFalse();
        return frame.message();
    }
}
